namespace OmaDm.Server.Repository;

/// <summary>A single HTTP byte range resolved against a length (RFC 9110 §14).</summary>
/// <param name="Start">First byte offset.</param>
/// <param name="End">Last byte offset (inclusive).</param>
public readonly record struct ByteRange(long Start, long End)
{
    /// <summary>Number of bytes in the range.</summary>
    public long Length => End - Start + 1;

    /// <summary>
    /// Parses a <c>Range</c> header against <paramref name="length"/>. Returns
    /// <see cref="RangeParse.None"/> for absent, multi-range or syntactically invalid headers (which
    /// RFC 9110 lets a server ignore: it serves 200), <see cref="RangeParse.Unsatisfiable"/> (416)
    /// or <see cref="RangeParse.Satisfiable"/> with the clamped range.
    /// </summary>
    public static RangeParse TryParse(string? header, long length, out ByteRange range)
    {
        range = default;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(','))
        {
            return RangeParse.None;
        }
        var spec = header[6..].Trim();
        var dash = spec.IndexOf('-');
        if (dash < 0)
        {
            return RangeParse.None;
        }
        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            // Suffix form: the last N bytes.
            if (!TryDigits(last, out var suffix))
            {
                return RangeParse.None;
            }
            if (suffix == 0 || length == 0)
            {
                return RangeParse.Unsatisfiable;
            }
            range = new ByteRange(Math.Max(0, length - suffix), length - 1);
            return RangeParse.Satisfiable;
        }
        if (!TryDigits(first, out var start))
        {
            return RangeParse.None;
        }
        long end = length - 1;
        if (last.Length > 0)
        {
            if (!TryDigits(last, out var e) || e < start)
            {
                return RangeParse.None;
            }
            end = Math.Min(e, length - 1);
        }
        if (start >= length)
        {
            return RangeParse.Unsatisfiable;
        }
        range = new ByteRange(start, end);
        return RangeParse.Satisfiable;
    }

    private static bool TryDigits(string text, out long value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 18 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }
        value = long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }
}
