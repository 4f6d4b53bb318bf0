using BenchmarkDotNet.Attributes;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Benchmarks.Storage;

/// <summary>
/// Boot cost: <see cref="RecordStore.Load"/> of a store holding N MO nodes as one snapshot plus 15
/// segments of 10 changes each (the worst case before a compaction). Baseline: reading the same
/// files' bytes without parsing (the I/O floor).
/// </summary>
[MemoryDiagnoser]
public class RecordStoreLoadBenchmarks
{
    private CountingMemoryFlash flash = null!;

    /// <summary>Nodes in the store.</summary>
    [Params(100, 1000)]
    public int Nodes { get; set; }

    /// <summary>Builds the snapshot and 15 segments.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var workload = new StorageWorkload(10);
        for (int i = 0; i < RecordStore.CompactAfterSegmentFiles - 1; i++)
        {
            workload.CommitChanges();
        }
        if (Nodes < StorageWorkload.TreeNodes)
        {
            foreach (var key in workload.Store.Keys("mo/")[Nodes..])
            {
                workload.Store.Remove(key);
            }
            workload.Store.Commit(); // compacts (16th segment): rebuild the 15 segments on the smaller tree
            for (int i = 0; i < RecordStore.CompactAfterSegmentFiles - 1; i++)
            {
                workload.CommitChanges();
            }
        }
        flash = workload.Flash;
        if (workload.Store.SegmentCount != RecordStore.CompactAfterSegmentFiles - 1)
        {
            throw new InvalidOperationException("expected a snapshot and 15 segments, got " + workload.Store.SegmentCount);
        }
    }

    /// <summary>Baseline: read every file's bytes through the same primitives.</summary>
    [Benchmark(Baseline = true)]
    public long ReadFilesOnly()
    {
        long total = 0;
        var buffer = new byte[256];
        foreach (var name in flash.List())
        {
            using var s = flash.OpenRead(name);
            int n;
            while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += n;
            }
        }
        return total;
    }

    /// <summary>Load: parse, check every CRC, replay segments.</summary>
    [Benchmark]
    public int Load()
    {
        var store = new RecordStore(flash, StorageWorkload.MaxLiveBytes);
        if (store.Load() != StoreResult.Success)
        {
            throw new InvalidOperationException("load failed");
        }
        return store.LastLoadReport.KeysLoaded;
    }
}
