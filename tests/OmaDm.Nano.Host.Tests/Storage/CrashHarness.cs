using OmaDm.Nano.Host.Storage;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Host.Tests.Storage;

/// <summary>One staged change: a value to put, or null to remove.</summary>
internal readonly record struct Change(string Key, byte[]? Value);

/// <summary>
/// A scripted storage workload: a folder prepared without faults, then a boot (Load) followed by the
/// commits in order. The crash harness cuts power at every operation of that boot-and-commits run.
/// </summary>
internal sealed record CrashScenario(string Name, Action<string> Setup, IReadOnlyList<IReadOnlyList<Change>> Commits);

/// <summary>What an exhaustive run covered.</summary>
internal sealed record CrashRunSummary(string Scenario, long Operations, int CrashPoints, int LandedOld, int LandedNew);

/// <summary>
/// Exhaustive crash-point runner: counts the operations of a scenario, then for every operation index
/// and every cut mode that makes sense for that operation, cuts the power there, reboots (new wrapper,
/// new store, Load) and checks the state is exactly the one before or after the interrupted commit,
/// and that a further commit and load still work.
/// </summary>
internal static class CrashHarness
{
    public static CrashRunSummary Run(CrashScenario scenario)
    {
        using var prepared = new TempDirectory();
        scenario.Setup(prepared.Path);

        var states = new List<SortedDictionary<string, string>>();
        using (var probe = prepared.Copy())
        {
            var store = new RecordStore(new DirectoryFlashFiles(probe.Path));
            Assert.AreEqual(StoreResult.Success, store.Load());
            states.Add(StoreState.Of(store));
        }
        foreach (var commit in scenario.Commits)
        {
            states.Add(StoreState.Apply(states[^1], commit.Select(c => (c.Key, c.Value))));
        }

        IReadOnlyList<string> log;
        long operations;
        using (var clean = prepared.Copy())
        {
            var flash = new FaultInjectingFlashFiles(new DirectoryFlashFiles(clean.Path), recordLog: true);
            var done = 0;
            RunWorkload(flash, scenario.Commits, ref done);
            Assert.AreEqual(scenario.Commits.Count, done);
            Assert.IsTrue(StoreState.Same(states[^1], LoadState(clean.Path)), scenario.Name + ": the uncut run ends in the final state");
            log = flash.Log;
            operations = flash.Operations;
        }

        int tried = 0, landedOld = 0, landedNew = 0;
        for (long n = 1; n <= operations; n++)
        {
            var op = log[(int)(n - 1)];
            foreach (var (mode, seed) in ModesFor(op, n))
            {
                using var dir = prepared.Copy();
                var flash = new FaultInjectingFlashFiles(new DirectoryFlashFiles(dir.Path), n, mode, seed);
                var done = 0;
                var cut = false;
                try
                {
                    RunWorkload(flash, scenario.Commits, ref done);
                }
                catch (PowerCutException)
                {
                    cut = true;
                }
                var where = $"{scenario.Name}: cut at op {op} ({mode}, seed {seed}) after {done} commits";
                Assert.IsTrue(cut, where + ": the cut must fire");

                var rebooted = new RecordStore(new FaultInjectingFlashFiles(new DirectoryFlashFiles(dir.Path)));
                Assert.AreEqual(StoreResult.Success, rebooted.Load(), where);
                var state = StoreState.Of(rebooted);
                bool isOld = StoreState.Same(state, states[done]);
                bool isNew = done + 1 < states.Count && StoreState.Same(state, states[done + 1]);
                Assert.IsTrue(isOld || isNew, $"{where}: got {StoreState.Describe(state)}, expected {StoreState.Describe(states[done])} or the next state");
                if (isOld)
                {
                    landedOld++;
                }
                else
                {
                    landedNew++;
                }

                rebooted.Put("after/crash", StoreState.Utf8("still works"));
                Assert.AreEqual(StoreResult.Success, rebooted.Commit(), where + ": commit after reboot");
                var expected = new SortedDictionary<string, string>(state, StringComparer.Ordinal) { ["after/crash"] = Convert.ToHexString(StoreState.Utf8("still works")) };
                Assert.IsTrue(StoreState.Same(expected, LoadState(dir.Path)), where + ": load after the post-crash commit");
                Assert.IsLessThanOrEqualTo(RecordStore.CompactAfterSegmentFiles + 2, dir.FileNames.Length, where + ": files stay bounded");
                tried++;
            }
        }
        return new CrashRunSummary(scenario.Name, operations, tried, landedOld, landedNew);
    }

    /// <summary>Boot and run every commit; <paramref name="done"/> counts commits that returned Success.</summary>
    public static void RunWorkload(IFlashFiles flash, IReadOnlyList<IReadOnlyList<Change>> commits, ref int done)
    {
        var store = new RecordStore(flash);
        Assert.AreEqual(StoreResult.Success, store.Load());
        foreach (var commit in commits)
        {
            foreach (var change in commit)
            {
                if (change.Value is null)
                {
                    store.Remove(change.Key);
                }
                else
                {
                    store.Put(change.Key, change.Value);
                }
            }
            Assert.AreEqual(StoreResult.Success, store.Commit());
            done++;
        }
    }

    public static SortedDictionary<string, string> LoadState(string directory)
    {
        var store = new RecordStore(new DirectoryFlashFiles(directory));
        Assert.AreEqual(StoreResult.Success, store.Load());
        return StoreState.Of(store);
    }

    /// <summary>Commits the changes with no faults (scenario setup).</summary>
    public static void CommitAll(string directory, IEnumerable<IReadOnlyList<Change>> commits)
    {
        var done = 0;
        RunWorkload(new DirectoryFlashFiles(directory), commits.ToList(), ref done);
    }

    private static IEnumerable<(PowerCutMode Mode, int Seed)> ModesFor(string op, long n)
    {
        var kind = op.Split(' ')[1];
        yield return (PowerCutMode.Applied, 0);
        if (kind is "write")
        {
            yield return (PowerCutMode.NotApplied, 0);
            yield return (PowerCutMode.TornWrite, (int)n);
            yield return (PowerCutMode.TornWrite, (int)n + 7919);
        }
        else if (kind is "create" or "delete" or "rename" or "close")
        {
            yield return (PowerCutMode.NotApplied, 0);
        }
    }
}
