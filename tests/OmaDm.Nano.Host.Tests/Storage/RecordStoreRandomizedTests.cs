using CsCheck;
using OmaDm.Nano.Host.Storage;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Host.Tests.Storage;

/// <summary>
/// Random sequences of puts, removes, commits, reboots and armed power cuts over a real temp directory,
/// compared with an in-memory model. The model advances only when Commit returns Success; a commit cut
/// by the power may land either way, but whole.
/// </summary>
[TestClass]
public sealed class RecordStoreRandomizedTests
{
    private abstract record Step;
    private sealed record PutStep(int Key, byte[] Value) : Step;
    private sealed record RemoveStep(int Key) : Step;
    private sealed record CommitStep : Step;
    private sealed record RebootStep : Step;
    private sealed record ArmCutStep(int AfterOps, PowerCutMode Mode, int Seed) : Step;

    private static string KeyName(int k) => k % 3 == 0 ? $"mo/urn:oma:mo:acme-sensor:1.0/s{k}/Readings/Value" : $"k/{k}";

    private static readonly Gen<Step> StepGen = Gen.Frequency(
        (6, Gen.Select(Gen.Int[0, 23], Gen.Byte.Array[0, 48], (k, v) => (Step)new PutStep(k, v))),
        (2, Gen.Int[0, 23].Select(k => (Step)new RemoveStep(k))),
        (3, Gen.Const((Step)new CommitStep())),
        (1, Gen.Const((Step)new RebootStep())),
        (1, Gen.Select(Gen.Int[1, 40], Gen.Int[0, 3], Gen.Int, (n, m, s) => (Step)new ArmCutStep(n, (PowerCutMode)m, s))));

    [TestMethod]
    public void RandomSequences_WithPowerCuts_MatchModel()
    {
        int cutsFired = 0, cutCommitsLanded = 0;
        StepGen.Array[1, 120].Sample(steps =>
        {
            var (fired, landed) = RunAgainstModel(steps);
            Interlocked.Add(ref cutsFired, fired);
            Interlocked.Add(ref cutCommitsLanded, landed);
        }, iter: 600, threads: 1);
        Console.WriteLine($"randomized: {cutsFired} power cuts fired, {cutCommitsLanded} interrupted commits landed");
        Assert.IsGreaterThan(50, cutsFired, "the generator must actually exercise power cuts");
    }

    private static (int Fired, int Landed) RunAgainstModel(Step[] steps)
    {
        using var dir = new TempDirectory();
        var model = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var staged = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        int fired = 0, landed = 0;

        RecordStore Boot(FaultInjectingFlashFiles flash)
        {
            var store = new RecordStore(flash, 256 * 1024);
            Assert.AreEqual(StoreResult.Success, store.Load());
            staged.Clear();
            AssertMatches(model, store, "after boot");
            return store;
        }

        var store = Boot(new FaultInjectingFlashFiles(new DirectoryFlashFiles(dir.Path)));
        foreach (var step in steps)
        {
            try
            {
                switch (step)
                {
                    case PutStep p:
                        store.Put(KeyName(p.Key), p.Value);
                        staged[KeyName(p.Key)] = p.Value;
                        break;
                    case RemoveStep r:
                        store.Remove(KeyName(r.Key));
                        staged[KeyName(r.Key)] = null;
                        break;
                    case CommitStep:
                        Assert.AreEqual(StoreResult.Success, store.Commit());
                        ApplyTo(model, staged);
                        staged.Clear();
                        AssertMatches(model, store, "after commit");
                        break;
                    case RebootStep:
                        store = Boot(new FaultInjectingFlashFiles(new DirectoryFlashFiles(dir.Path)));
                        break;
                    case ArmCutStep a:
                        staged.Clear();
                        store = new RecordStore(new FaultInjectingFlashFiles(new DirectoryFlashFiles(dir.Path), a.AfterOps, a.Mode, a.Seed), 256 * 1024);
                        Assert.AreEqual(StoreResult.Success, store.Load());
                        AssertMatches(model, store, "after armed boot");
                        break;
                }
            }
            catch (PowerCutException)
            {
                fired++;
                var inFlight = step is CommitStep;
                var withCommit = new Dictionary<string, byte[]>(model, StringComparer.Ordinal);
                ApplyTo(withCommit, staged);
                store = new RecordStore(new FaultInjectingFlashFiles(new DirectoryFlashFiles(dir.Path)), 256 * 1024);
                Assert.AreEqual(StoreResult.Success, store.Load());
                if (inFlight && Matches(withCommit, store))
                {
                    model = withCommit;
                    landed++;
                }
                staged.Clear();
                AssertMatches(model, store, "after a power cut during " + step);
            }
        }
        return (fired, landed);
    }

    private static void ApplyTo(Dictionary<string, byte[]> state, Dictionary<string, byte[]?> changes)
    {
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                state.Remove(key);
            }
            else
            {
                state[key] = value;
            }
        }
    }

    private static bool Matches(Dictionary<string, byte[]> model, RecordStore store)
    {
        var keys = store.Keys(null);
        return keys.Length == model.Count && keys.All(k => model.TryGetValue(k, out var v) && v.AsSpan().SequenceEqual(store.Get(k)));
    }

    private static void AssertMatches(Dictionary<string, byte[]> model, RecordStore store, string when)
    {
        Assert.IsTrue(Matches(model, store), $"{when}: store has [{string.Join(", ", store.Keys(null))}], model has [{string.Join(", ", model.Keys.Order(StringComparer.Ordinal))}]");
    }
}
