using System.Globalization;
using System.Text;

namespace OmaDm.Nano.Host.Tests.Json;

/// <summary>
/// Builds random but valid JSON text from a seed: nested objects and arrays, strings with every
/// kind of escape, raw multi-byte UTF-8 and surrogate pairs, numbers of every grammatical shape,
/// random whitespace. Deterministic per seed, so a failing CsCheck seed reproduces.
/// </summary>
public sealed class RandomJson
{
    private static readonly string[] Whitespace = ["", "", "", " ", "\n", "\t", "\r\n", "  "];
    private static readonly string[] ShortEscapes = ["\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"];
    private readonly Random _random;
    private readonly StringBuilder _text = new();

    private RandomJson(int seed) { _random = new Random(seed); }

    /// <summary>Longest string value generated, in chars; keeps every token within a 512-byte window.</summary>
    public const int MaxStringChars = 30;

    /// <summary>A random valid document of nesting at most <paramref name="maxDepth"/>.</summary>
    public static byte[] Document(int seed, int maxDepth)
    {
        var json = new RandomJson(seed);
        json.Space();
        json.Value(maxDepth);
        json.Space();
        return Encoding.UTF8.GetBytes(json._text.ToString());
    }

    private void Space() => _text.Append(Whitespace[_random.Next(Whitespace.Length)]);

    private void Value(int depth)
    {
        int kind = _random.Next(depth > 0 ? 9 : 6);
        switch (kind)
        {
            case 0: String(); break;
            case 1: Number(); break;
            case 2: _text.Append("true"); break;
            case 3: _text.Append("false"); break;
            case 4: _text.Append("null"); break;
            case 5: String(); break;
            case 6: case 7: Array(depth); break;
            default: Object(depth); break;
        }
    }

    private void Array(int depth)
    {
        _text.Append('[');
        int count = _random.Next(5);
        for (int i = 0; i < count; i++)
        {
            if (i > 0) { _text.Append(','); }
            Space();
            Value(depth - 1);
            Space();
        }
        if (count == 0) { Space(); }
        _text.Append(']');
    }

    private void Object(int depth)
    {
        _text.Append('{');
        int count = _random.Next(5);
        for (int i = 0; i < count; i++)
        {
            if (i > 0) { _text.Append(','); }
            Space();
            String();
            Space();
            _text.Append(':');
            Space();
            Value(depth - 1);
            Space();
        }
        if (count == 0) { Space(); }
        _text.Append('}');
    }

    private void String()
    {
        _text.Append('"');
        int length = _random.Next(MaxStringChars / 3 + 1);
        for (int i = 0; i < length; i++)
        {
            int pick = _random.Next(10);
            if (pick < 4)
            {
                char c = (char)_random.Next(0x20, 0x7F);
                if (c == '"' || c == '\\') { _text.Append('\\'); }
                _text.Append(c);
            }
            else if (pick == 4)
            {
                _text.Append(ShortEscapes[_random.Next(ShortEscapes.Length)]);
            }
            else if (pick == 5)
            {
                Escape(_random.Next(0x20)); // control character
            }
            else if (pick == 6)
            {
                char c = RandomBmpNonSurrogate();
                if (_random.Next(2) == 0) { Escape(c); } else { _text.Append(c); }
            }
            else if (pick == 7)
            {
                int cp = _random.Next(0x10000, 0x110000);
                string pair = char.ConvertFromUtf32(cp);
                if (_random.Next(2) == 0) { Escape(pair[0]); Escape(pair[1]); } else { _text.Append(pair); }
            }
            else
            {
                _text.Append((char)_random.Next(0x80, 0x800));
            }
        }
        _text.Append('"');
    }

    private char RandomBmpNonSurrogate()
    {
        while (true)
        {
            char c = (char)_random.Next(0x80, 0x10000);
            if (!char.IsSurrogate(c)) { return c; }
        }
    }

    private void Escape(int unit)
    {
        string hex = unit.ToString("X4", CultureInfo.InvariantCulture);
        _text.Append("\\u").Append(_random.Next(2) == 0 ? hex : hex.ToLowerInvariant());
    }

    private void Number()
    {
        if (_random.Next(3) == 0) { _text.Append('-'); }
        if (_random.Next(4) == 0)
        {
            _text.Append('0');
        }
        else
        {
            _text.Append((char)('1' + _random.Next(9)));
            Digits(_random.Next(_random.Next(2) == 0 ? 4 : 20));
        }
        if (_random.Next(3) == 0)
        {
            _text.Append('.');
            Digits(1 + _random.Next(_random.Next(2) == 0 ? 3 : 20));
        }
        if (_random.Next(4) == 0)
        {
            _text.Append(_random.Next(2) == 0 ? 'e' : 'E');
            int sign = _random.Next(3);
            if (sign == 1) { _text.Append('+'); } else if (sign == 2) { _text.Append('-'); }
            Digits(1 + _random.Next(3));
        }
    }

    private void Digits(int count)
    {
        for (int i = 0; i < count; i++) { _text.Append((char)('0' + _random.Next(10))); }
    }
}
