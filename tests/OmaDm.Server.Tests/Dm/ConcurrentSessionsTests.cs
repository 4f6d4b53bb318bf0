using OmaDm.Server.Commands;
using OmaDm.Server.Devices;
using OmaDm.Server.Tests.Infrastructure;
using static OmaDm.Server.Tests.Infrastructure.ScriptedDevice;

namespace OmaDm.Server.Tests.Dm;

[TestClass]
public sealed class ConcurrentSessionsTests
{
    [TestMethod]
    public async Task FortyDevicesAtOnce_EveryStatusStoredOnItsOwnDevice()
    {
        const int devices = 40, commandsEach = 6;
        await using var server = await TestServer.StartAsync(o => o.MaxCommandsPerPackage = 4);
        var queue = server.Service<CommandQueue>();
        var fleet = Enumerable.Range(0, devices).Select(i => server.Enrol("dev-" + i)).ToList();
        foreach (var d in fleet)
        {
            for (int c = 0; c < commandsEach; c++)
            {
                queue.Enqueue(d.DevId, ["GET", "urn:oma:mo:app:1.0//V" + c]);
            }
        }

        await Task.WhenAll(fleet.Select(d => Task.Run(async () =>
        {
            var cmd = Cmds(await d.Package1Async());
            while (!(cmd.Count == 1 && cmd[0][0] == "END"))
            {
                // Each device answers with values naming itself, so a mix-up would show.
                cmd = Cmds(await d.Package3Async(cmd.Select(c => c[1].StartsWith("urn:oma:mo:oma-dm-devinfo", StringComparison.Ordinal)
                    ? DevInfoStatus(c[1], "1.0.0+0")
                    : "{\"sc\":200,\"URI\":[\"" + c[1].Replace("//", "/i/") + "\"],\"Data\":[\"" + d.DevId + "\"]}").ToArray()));
            }
        })));

        var registry = server.Service<DeviceRegistry>();
        foreach (var d in fleet)
        {
            var commands = queue.List(d.DevId);
            Assert.AreEqual(commandsEach + 1, commands.Count, "six queued + the DevInfo read");
            Assert.IsTrue(commands.All(c => c.State == CommandState.Done && c.StatusCode == 200), d.DevId);
            var values = registry.GetMoValues(d.DevId).Where(v => v.Uri.StartsWith("urn:oma:mo:app:1.0/", StringComparison.Ordinal)).ToList();
            Assert.HasCount(commandsEach, values);
            Assert.IsTrue(values.All(v => v.ValueJson == "\"" + d.DevId + "\""), d.DevId + " sees only its own results");
            d.Dispose();
        }
        Assert.AreEqual(0, server.Service<OmaDm.Server.Dm.SessionHistory>().Counters().OpenSessions);
    }
}
