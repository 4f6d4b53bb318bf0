using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OmaDm.Nano.Json;
using NanoJsonReader = OmaDm.Nano.Json.JsonReader;
using NanoTokenType = OmaDm.Nano.Json.JsonTokenType;

namespace OmaDm.Nano.Benchmarks.Json;

/// <summary>
/// Tokenizing DM packages from a Stream through the same fixed window: our JsonReader against
/// System.Text.Json's Utf8JsonReader in its streaming pattern (isFinalBlock false, carried
/// JsonReaderState, unconsumed tail moved to the front, refill). Baseline: Utf8JsonReader.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 9)]
public class JsonTokenizerBenchmarks
{
    private MemoryStream _stream = null!;
    private byte[] _window = null!;
    private NanoJsonReader _reader = null!;

    /// <summary>Which package: the example's P1/P2/P3, or 64 KiB P2/P3.</summary>
    [Params("P1", "P2", "P3", "P2-64K", "P3-64K")]
    public string Package { get; set; } = "P2";

    /// <summary>Window (refill buffer) size in bytes, the same for both readers.</summary>
    [Params(512)]
    public int WindowBytes { get; set; }

    /// <summary>Builds the stream and the reusable reader.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _stream = new MemoryStream(DmPackages.ByName(Package), writable: false);
        _window = new byte[WindowBytes];
        _reader = new NanoJsonReader(_stream, _window);
    }

    /// <summary>Utf8JsonReader, streaming through the window.</summary>
    [Benchmark(Baseline = true)]
    public int Utf8JsonReaderStreaming()
    {
        _stream.Position = 0;
        byte[] buffer = _window;
        int length = _stream.Read(buffer, 0, buffer.Length);
        bool final = length == 0;
        var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, default);
        int tokens = 0;
        while (true)
        {
            while (reader.Read())
            {
                tokens++;
            }
            if (final)
            {
                return tokens;
            }
            int consumed = (int)reader.BytesConsumed;
            int rest = length - consumed;
            buffer.AsSpan(consumed, rest).CopyTo(buffer);
            if (rest == buffer.Length)
            {
                throw new InvalidOperationException("token longer than the window");
            }
            int read = _stream.Read(buffer, rest, buffer.Length - rest);
            length = rest + read;
            final = read == 0;
            reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, reader.CurrentState);
        }
    }

    /// <summary>Utf8JsonReader doing the same value work as <see cref="OmaDmJsonReaderWithValues"/>.</summary>
    [Benchmark]
    public int Utf8JsonReaderWithValues()
    {
        _stream.Position = 0;
        byte[] buffer = _window;
        int length = _stream.Read(buffer, 0, buffer.Length);
        bool final = length == 0;
        var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, default);
        int checksum = 0;
        byte[] copy = _copy;
        while (true)
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case System.Text.Json.JsonTokenType.PropertyName:
                        if (reader.ValueTextEquals(Sc)) { checksum++; }
                        break;
                    case System.Text.Json.JsonTokenType.String:
                        checksum += reader.CopyString(copy);
                        break;
                    case System.Text.Json.JsonTokenType.Number:
                        if (reader.TryGetInt32(out int value)) { checksum += value; }
                        break;
                }
            }
            if (final)
            {
                return checksum;
            }
            int consumed = (int)reader.BytesConsumed;
            int rest = length - consumed;
            buffer.AsSpan(consumed, rest).CopyTo(buffer);
            int read = _stream.Read(buffer, rest, buffer.Length - rest);
            length = rest + read;
            final = read == 0;
            reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, reader.CurrentState);
        }
    }

    /// <summary>Our JsonReader over the same stream and window (reset, not re-created: no allocation).</summary>
    [Benchmark]
    public int OmaDmJsonReader()
    {
        _stream.Position = 0;
        _reader.Reset(_stream);
        int tokens = 0;
        while (_reader.Read())
        {
            tokens++;
        }
        return tokens;
    }

    /// <summary>Our reader plus what the Package#2/#3 readers do per token: compare names, read ints, copy strings.</summary>
    [Benchmark]
    public int OmaDmJsonReaderWithValues()
    {
        _stream.Position = 0;
        _reader.Reset(_stream);
        int checksum = 0;
        byte[] copy = _copy;
        while (_reader.Read())
        {
            switch (_reader.TokenType)
            {
                case NanoTokenType.PropertyName:
                    if (_reader.ValueEquals(Sc)) { checksum++; }
                    break;
                case NanoTokenType.String:
                    checksum += _reader.CopyValue(copy, 0);
                    break;
                case NanoTokenType.Number:
                    if (_reader.TryGetInt32(out int value)) { checksum += value; }
                    break;
            }
        }
        return checksum;
    }

    private static readonly byte[] Sc = "sc"u8.ToArray();
    private readonly byte[] _copy = new byte[512];
}
