using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Benchmarks.Storage;

/// <summary>
/// Time, allocation and bytes written per commit of N changed MO nodes (N = 10, 100, 1,000) on a
/// 1,000-node device, against a named baseline: the same records written as one plain file
/// (length-prefixed, no CRC, no atomicity). Compaction is included, amortized, as it happens.
/// Columns "Flash B/op" and "WriteAmp" are counted (not timed) by <see cref="StorageWorkload"/>:
/// WriteAmp = bytes written to files / bytes of changed keys and values.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class RecordStoreCommitBenchmarks
{
    private StorageWorkload workload = null!;

    /// <summary>Nodes changed per commit.</summary>
    [Params(10, 100, 1000)]
    public int ChangedNodes { get; set; }

    /// <summary>Builds the 1,000-node store.</summary>
    [GlobalSetup]
    public void Setup() => workload = new StorageWorkload(ChangedNodes);

    /// <summary>Baseline: one plain file with the same records.</summary>
    [Benchmark(Baseline = true)]
    public void PlainFile() => workload.WritePlainFile();

    /// <summary>Put N values and Commit (one segment file; compaction when due).</summary>
    [Benchmark]
    public StoreResult Commit() => workload.CommitChanges();

    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(new FlashColumn("Flash B/op", amplification: false));
            AddColumn(new FlashColumn("WriteAmp", amplification: true));
        }
    }

    private sealed class FlashColumn(string name, bool amplification) : IColumn
    {
        public string Id => nameof(FlashColumn) + name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => amplification ? 1 : 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => amplification
            ? "bytes written to flash / bytes of changed keys and values (counted, 64 commits, compaction amortized)"
            : "bytes written to flash per operation (counted, 64 commits, compaction amortized)";

        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var nodes = (int)benchmarkCase.Parameters["ChangedNodes"];
            var plain = benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(PlainFile);
            var bytes = StorageWorkload.MeasureBytesPerCommit(nodes, plain);
            if (!amplification)
            {
                return bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            }
            var changed = new StorageWorkload(nodes).ChangedDataBytes;
            return (bytes / changed).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
