using System.Globalization;
using BenchmarkDotNet.Attributes;
using OmaDm.Nano.Firmware;
using OmaDm.Nano.Host.Device;
using OmaDm.Nano.Host.Firmware;
using OmaDm.Nano.Host.Http;

namespace OmaDm.Nano.Benchmarks.Firmware;

/// <summary>
/// A firmware download over loopback HTTP into the simulated slot (erase, 4 KiB chunks with the
/// erased-flash check, SHA-256 verification), against the named baseline: a plain HttpClient copy of
/// the same image into a file, measured in the same run (the server is a child process serving
/// both). Global setup also measures the peak live
/// managed memory of one download (forced-GC samples at every chunk) and writes it to
/// <c>firmware-peak-memory.txt</c>: it must not grow with the image size.
/// </summary>
[MemoryDiagnoser]
public class FirmwareDownloadBenchmarks
{
    private readonly HttpClient plain = new();
    private readonly HttpClientTransport transport = new();
    private ImageServer? server;
    private string folder = "";
    private SimulatedFirmwareSlot? slot;
    private FirmwareDownloader? downloader;

    /// <summary>Image sizes: 256 KiB and 4 MiB.</summary>
    [Params(256 * 1024, 4 * 1024 * 1024)]
    public int ImageBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var payload = new byte[ImageBytes - 32 - 40];
        new Random(1).NextBytes(payload);
        var image = McuBootImageWriter.Pack(payload, new ImageVersion(2, 0, 0, 0));
        folder = Path.Combine(Path.GetTempPath(), "omadm-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "image.bin"), image);
        server = new ImageServer(Path.Combine(folder, "image.bin"));
        var capacity = (image.Length + 4095) / 4096 * 4096;
        slot = new SimulatedFirmwareSlot(folder, new SimulatedSlotOptions { CapacityBytes = capacity });
        downloader = new FirmwareDownloader(transport, slot, new SystemClock());
        MeasurePeak(image.Length);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        server?.Dispose();
        slot?.Dispose();
        transport.Dispose();
        plain.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Baseline: HttpClient GET (headers-read) copied into a file.</summary>
    [Benchmark(Baseline = true)]
    public long HttpClientToFile()
    {
        using var response = plain.GetAsync(server!.Url, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
        using var body = response.Content.ReadAsStream();
        using var file = new FileStream(Path.Combine(folder, "copy.bin"), FileMode.Create, FileAccess.Write);
        body.CopyTo(file);
        return file.Length;
    }

    /// <summary>The firmware downloader into the simulated slot, verified.</summary>
    [Benchmark]
    public int DownloaderIntoSlot()
    {
        var code = downloader!.Run(new DownloadJob { Url = server!.Url });
        return code == FumoResultCode.Success ? code : throw new InvalidOperationException("download failed: " + code);
    }

    private void MeasurePeak(int imageLength)
    {
        // Warm up once (JIT, connection pool, pooled read-ahead), then measure five downloads and
        // report the median peak: a forced-GC sample also sees runtime objects that come and go
        // (timers, pool growth); the median is what a download itself holds. The server runs in a
        // child process, so the samples see only the client side.
        DownloaderIntoSlot();
        var peaks = new List<long>();
        long allocatedOnThread = 0;
        var code = 0;
        for (var run = 0; run < 5; run++)
        {
            var probe = new PeakProbe(slot!);
            var measured = new FirmwareDownloader(transport, probe, new SystemClock());
            probe.Baseline = GC.GetTotalMemory(forceFullCollection: true);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            code = measured.Run(new DownloadJob { Url = server!.Url });
            allocatedOnThread = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            peaks.Add(probe.PeakLiveBytes);
        }
        peaks.Sort();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"image {imageLength} B: result {code}, peak live managed bytes above baseline: median {peaks[2]} (runs {string.Join(" ", peaks)}), allocated on the downloading thread {allocatedOnThread} B");
        Console.WriteLine("// firmware peak memory: " + line);
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "firmware-peak-memory.txt"), line + Environment.NewLine);
    }
}
