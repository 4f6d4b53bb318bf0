using System.Globalization;
using System.Text;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Benchmarks.Storage;

/// <summary>
/// The benchmark's workload, shared by the timed methods and the byte-count columns: a device with
/// 1,000 realistic MO leaf values, each commit changing N of them (as a DM session end would).
/// </summary>
public sealed class StorageWorkload
{
    /// <summary>Nodes in the device's MO tree before the measured commits.</summary>
    public const int TreeNodes = 1000;

    /// <summary>Live-data bound for the workload: 1,000 nodes plus headroom (the ESP32 default of 64 KB fits ~800 of these).</summary>
    public const int MaxLiveBytes = 256 * 1024;

    private readonly string[] keys;
    private readonly byte[][][] values; // [generation % 2][node]
    private int generation;

    /// <summary>Builds the tree and commits it once.</summary>
    public StorageWorkload(int changedNodes)
    {
        ChangedNodes = changedNodes;
        keys = new string[TreeNodes];
        values = [new byte[TreeNodes][], new byte[TreeNodes][]];
        for (int i = 0; i < TreeNodes; i++)
        {
            keys[i] = $"mo/urn:oma:mo:acme-sensor:1.0/s{i % 16}/Readings/{i / 16}/Value";
            values[0][i] = Encoding.UTF8.GetBytes((20 + i * 0.01).ToString("0.00", CultureInfo.InvariantCulture));
            values[1][i] = Encoding.UTF8.GetBytes((21 + i * 0.01).ToString("0.00", CultureInfo.InvariantCulture));
        }
        Flash = new CountingMemoryFlash();
        Store = new RecordStore(Flash, MaxLiveBytes);
        Store.Load();
        for (int i = 0; i < TreeNodes; i++)
        {
            Store.Put(keys[i], values[0][i]);
        }
        Store.Commit();
        Store.Compact();
        ChangedDataBytes = 0;
        for (int i = 0; i < changedNodes; i++)
        {
            ChangedDataBytes += Encoding.UTF8.GetByteCount(keys[i]) + values[1][i].Length;
        }
    }

    /// <summary>Nodes each commit changes.</summary>
    public int ChangedNodes { get; }

    /// <summary>UTF-8 key bytes + value bytes of one commit's changes: the "useful" data.</summary>
    public long ChangedDataBytes { get; }

    /// <summary>The counting flash under the store.</summary>
    public CountingMemoryFlash Flash { get; }

    /// <summary>The store under test.</summary>
    public RecordStore Store { get; }

    /// <summary>Stages N changed values (alternating between two value sets) and commits them; compaction included when due.</summary>
    public StoreResult CommitChanges()
    {
        var next = values[++generation % 2];
        for (int i = 0; i < ChangedNodes; i++)
        {
            Store.Put(keys[i], next[i]);
        }
        return Store.Commit();
    }

    /// <summary>Baseline: the same N records written as one plain file, length-prefixed, no CRC, no atomicity.</summary>
    public void WritePlainFile()
    {
        var next = values[++generation % 2];
        using var stream = Flash.Create("plain.bin");
        var length = new byte[2];
        for (int i = 0; i < ChangedNodes; i++)
        {
            var key = Encoding.UTF8.GetBytes(keys[i]);
            BitConverter.TryWriteBytes(length, (ushort)key.Length);
            stream.Write(length, 0, 2);
            stream.Write(key, 0, key.Length);
            BitConverter.TryWriteBytes(length, (ushort)next[i].Length);
            stream.Write(length, 0, 2);
            stream.Write(next[i], 0, next[i].Length);
        }
    }

    /// <summary>Average bytes written per operation over <paramref name="rounds"/> runs (amortizes compaction).</summary>
    public static double MeasureBytesPerCommit(int changedNodes, bool plainFile, int rounds = 64)
    {
        var workload = new StorageWorkload(changedNodes);
        long before = workload.Flash.BytesWritten;
        for (int r = 0; r < rounds; r++)
        {
            if (plainFile)
            {
                workload.WritePlainFile();
            }
            else if (workload.CommitChanges() != StoreResult.Success)
            {
                throw new InvalidOperationException("commit failed");
            }
        }
        return (workload.Flash.BytesWritten - before) / (double)rounds;
    }
}
