using System.Text;
using OmaDm.Nano.Json;
using Stj = System.Text.Json;

namespace OmaDm.Nano.Host.Tests.Json;

/// <summary>Token streams of our reader and of System.Text.Json's Utf8JsonReader, in one comparable text form.</summary>
public static class JsonComparison
{
    /// <summary>Tokens as "type@offset/depth=value"; null plus the error when the input is rejected.</summary>
    public static (List<string>? Tokens, string? Error) Ours(byte[] json, int chunk, int splitAt, int window, int maxDepth = JsonReader.DefaultMaxDepth)
    {
        var tokens = new List<string>();
        var reader = new JsonReader(new SplitStream(json, chunk, splitAt), new byte[window], maxDepth);
        int reads = 0;
        try
        {
            while (reader.Read())
            {
                if (++reads > json.Length + 1) { throw new InvalidOperationException("more tokens than bytes: the reader loops"); }
                tokens.Add($"{reader.TokenType}@{reader.TokenStartOffset}/{reader.CurrentDepth}={OurValue(reader)}");
            }
        }
        catch (OmaDm.Nano.Json.JsonException ex)
        {
            return (null, ex.Message);
        }
        return (tokens, null);
    }

    /// <summary>The same for Utf8JsonReader over the whole buffer; a string that is not valid UTF-8/UTF-16 counts as rejected.</summary>
    public static (List<string>? Tokens, string? Error) Reference(byte[] json, int maxDepth = JsonReader.DefaultMaxDepth)
    {
        var tokens = new List<string>();
        var reader = new Stj.Utf8JsonReader(json, new Stj.JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            while (reader.Read())
            {
                tokens.Add($"{reader.TokenType}@{reader.TokenStartIndex}/{reader.CurrentDepth}={ReferenceValue(ref reader)}");
            }
        }
        catch (Stj.JsonException ex)
        {
            return (null, ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return (null, ex.Message); // GetString on invalid UTF-8 or a lone surrogate escape
        }
        return (tokens, null);
    }

    private static string OurValue(JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
            case JsonTokenType.String:
                string text = reader.GetString();
                if (!reader.ValueEquals(text)) { throw new InvalidOperationException("ValueEquals(string) disagrees with GetString"); }
                byte[] utf8 = new byte[reader.ValueByteLength];
                if (reader.CopyValue(utf8, 0) != utf8.Length || !reader.ValueEquals(utf8) || Encoding.UTF8.GetString(utf8) != text)
                {
                    throw new InvalidOperationException("CopyValue/ValueEquals(bytes) disagree with GetString");
                }
                return Escape(text);
            case JsonTokenType.Number:
                string number = reader.GetString();
                string integer = reader.TryGetInt64(out long l) ? l.ToString() : "-";
                string real = reader.TryGetDouble(out double d) ? BitConverter.DoubleToInt64Bits(d).ToString("X16") : "inf";
                return number + "|" + integer + "|" + real;
            default:
                return "";
        }
    }

    private static string ReferenceValue(ref Stj.Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case Stj.JsonTokenType.PropertyName:
            case Stj.JsonTokenType.String:
                return Escape(reader.GetString()!);
            case Stj.JsonTokenType.Number:
                string number = Encoding.UTF8.GetString(reader.ValueSpan);
                string integer = reader.TryGetInt64(out long l) ? l.ToString() : "-";
                // Utf8JsonReader reports overflow as an infinity; ours declines it (TryGetDouble false).
                string real = reader.TryGetDouble(out double d) && double.IsFinite(d) ? BitConverter.DoubleToInt64Bits(d).ToString("X16") : "inf";
                return number + "|" + integer + "|" + real;
            default:
                return "";
        }
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (char c in text)
        {
            if (c < 0x20 || c > 0x7E) { builder.Append("\\u").Append(((int)c).ToString("X4")); } else { builder.Append(c); }
        }
        return builder.ToString();
    }
}

/// <summary>A read-only stream that hands out at most <c>chunk</c> bytes per Read and never crosses <c>splitAt</c>.</summary>
public sealed class SplitStream(byte[] data, int chunk, int splitAt) : Stream
{
    private int _position;

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(Math.Min(count, chunk), data.Length - _position);
        if (splitAt > _position && _position + n > splitAt) { n = splitAt - _position; }
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    /// <inheritdoc/>
    public override bool CanRead => true;
    /// <inheritdoc/>
    public override bool CanSeek => false;
    /// <inheritdoc/>
    public override bool CanWrite => false;
    /// <inheritdoc/>
    public override long Length => data.Length;
    /// <inheritdoc/>
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    /// <inheritdoc/>
    public override void Flush() { }
    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();
    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
