using OmaDm.Nano.Addressing;
using OmaDm.Nano.Json;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Host.Tests.MoTree;

/// <summary>Allocation budgets (not timings) of the tree's hot paths, measured after warm-up.</summary>
[TestClass]
public class TreeAllocationTests
{
    private const string M = TreeHostFixture.Moid;

    [TestMethod]
    public void GetWholeInstance_AfterWarmUp_OnlyTheUriString()
    {
        using var f = new TreeHostFixture();
        MoInstance i = f.Tree.AddInstance(M, "i1");
        i.SetText("Name", "device name");
        i.SetInt64("Count", 123456);
        i.SetBoolean("On", true);
        i.SetBytes("Blob", new byte[48]);
        for (int k = 0; k < 8; k++) { i.SetText("Items/n" + k + "/Value", "value " + k); }
        ClientUri uri = TreeHostFixture.Uri(M + "/i1");
        var output = new MemoryStream(8192);
        byte[] buffer = new byte[256];
        var writer = new JsonWriter(output, buffer);

        f.Tree.WriteGetStatus(uri, "srv", writer); // warm-up: JIT, base64 scratch, cached validator
        writer.Flush();
        const int rounds = 100;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < rounds; r++)
        {
            output.Position = 0;
            writer = new JsonWriter(output, buffer); // the writer has no Reset: one small object per round
            f.Tree.WriteGetStatus(uri, "srv", writer);
            writer.Flush();
        }
        long withGet = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < rounds; r++)
        {
            output.Position = 0;
            writer = new JsonWriter(output, buffer); // baseline: the same loop without the GET
            writer.Flush();
        }
        long perGet = (withGet - (GC.GetAllocatedBytesForCurrentThread() - before)) / rounds;
        Console.WriteLine($"bytes allocated per GET of a 20-node instance: {perGet}");
        // What remains: the formatted URI string ("urn:oma:mo:host-test:1.0/i1", ~80 bytes).
        Assert.IsLessThan(128L, perGet, $"bytes allocated per GET of a 20-node instance: {perGet}");
    }
}
