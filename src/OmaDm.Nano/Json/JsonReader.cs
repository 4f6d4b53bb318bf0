using System;
using System.IO;

namespace OmaDm.Nano.Json
{
    /// <summary>
    /// Pull tokenizer for RFC 8259 JSON over a <see cref="Stream"/>, through one caller-supplied
    /// window that it refills. Reading tokens, comparing and copying values allocate nothing.
    /// </summary>
    /// <remarks>
    /// The current token always lies contiguous in the window: before a refill the unread tail is
    /// moved to the front, so the window must hold the longest single token (strings with their
    /// quotes; a number plus the one byte that ends it). RAM cost: the window plus
    /// <c>maxDepth</c> bytes of nesting stack. Values of the previous token are gone after the next
    /// <see cref="Read"/>. Malformed input raises <see cref="JsonException"/> with a
    /// <see cref="JsonError"/> and the absolute byte offset; the reader is unusable afterwards.
    /// State is plain fields, so a caller may stop between tokens and continue later.
    /// </remarks>
    public sealed partial class JsonReader
    {
        /// <summary>Default nesting limit: DM packages nest 4 deep; 32 leaves room for MO data and bounds the stack.</summary>
        public const int DefaultMaxDepth = 32;

        /// <summary>Largest accepted nesting limit: one stack byte per level, kept small for device RAM.</summary>
        public const int MaxDepthLimit = 1024;

        /// <summary>Smallest accepted window in bytes: holds every literal (<c>false</c>) with its terminator.</summary>
        public const int MinWindowBytes = 8;

        private const byte ArrayMarker = 0;
        private const byte ObjectMarker = 1;

        private Stream _source;
        private readonly byte[] _window;
        private readonly byte[] _containers; // ObjectMarker/ArrayMarker per open level
        private readonly byte[] _scratch;    // one UTF-8 sequence, for comparisons
        private readonly int _maxDepth;

        private long _windowOffset; // stream offset of _window[0]
        private int _pos;           // next unread index in the window
        private int _end;           // valid bytes in the window
        private bool _sourceDone;

        private int _depth;         // open containers
        private bool _rootDone;
        private bool _finished;
        private JsonTokenType _tokenType;
        private int _tokenStart;    // window index of the token's first byte (the quote for strings)
        private int _valueStart;    // window index of the value bytes (inside the quotes)
        private int _valueLength;   // raw value bytes
        private bool _valueEscaped; // raw bytes contain backslash escapes
        private int _unescapedBytes;
        private int _unescapedChars;

        /// <summary>Creates a reader with <see cref="DefaultMaxDepth"/>.</summary>
        /// <param name="source">The JSON bytes; read forward only, never sought.</param>
        /// <param name="window">Caller-owned buffer; its length is the longest token accepted.</param>
        public JsonReader(Stream source, byte[] window)
            : this(source, window, DefaultMaxDepth)
        {
        }

        /// <summary>Creates a reader with a nesting limit.</summary>
        /// <param name="source">The JSON bytes; read forward only, never sought.</param>
        /// <param name="window">Caller-owned buffer of at least <see cref="MinWindowBytes"/>; its length is the longest token accepted.</param>
        /// <param name="maxDepth">Deepest nesting accepted, 1..<see cref="MaxDepthLimit"/>.</param>
        public JsonReader(Stream source, byte[] window, int maxDepth)
        {
            if (source == null)
            {
                throw new ArgumentNullException("source");
            }
            if (window == null)
            {
                throw new ArgumentNullException("window");
            }
            if (window.Length < MinWindowBytes)
            {
                throw new ArgumentException("window must hold at least MinWindowBytes bytes", "window");
            }
            if (maxDepth < 1 || maxDepth > MaxDepthLimit)
            {
                throw new ArgumentOutOfRangeException("maxDepth");
            }
            _source = source;
            _window = window;
            _maxDepth = maxDepth;
            _containers = new byte[maxDepth];
            _scratch = new byte[4];
        }

        /// <summary>
        /// Starts over on a new stream, reusing the window and nesting stack: one reader serves every
        /// package of a session without allocating.
        /// </summary>
        /// <param name="source">The next JSON document's bytes.</param>
        public void Reset(Stream source)
        {
            if (source == null)
            {
                throw new ArgumentNullException("source");
            }
            _source = source;
            _windowOffset = 0;
            _pos = 0;
            _end = 0;
            _sourceDone = false;
            _depth = 0;
            _rootDone = false;
            _finished = false;
            _tokenType = JsonTokenType.None;
            _tokenStart = 0;
            _valueStart = 0;
            _valueLength = 0;
            _valueEscaped = false;
            _unescapedBytes = 0;
            _unescapedChars = 0;
        }

        /// <summary>Kind of the current token; <see cref="JsonTokenType.None"/> before the first <see cref="Read"/>.</summary>
        public JsonTokenType TokenType { get { return _tokenType; } }

        /// <summary>Nesting depth of the current token, as System.Text.Json: the root value and its own brackets are 0.</summary>
        public int CurrentDepth
        {
            get
            {
                if (_tokenType == JsonTokenType.StartObject || _tokenType == JsonTokenType.StartArray)
                {
                    return _depth - 1;
                }
                return _depth;
            }
        }

        /// <summary>Absolute stream offset of the current token's first byte (the opening quote for strings).</summary>
        public long TokenStartOffset { get { return _windowOffset + _tokenStart; } }

        /// <summary>Bytes of the stream consumed up to the end of the current token.</summary>
        public long BytesConsumed { get { return _windowOffset + _pos; } }

        /// <summary>Nesting limit this reader enforces.</summary>
        public int MaxDepth { get { return _maxDepth; } }

        /// <summary>
        /// Moves to the next token. Returns false once the root value is complete and the rest of
        /// the stream is whitespace (and on every later call).
        /// </summary>
        /// <exception cref="JsonException">The input is not valid JSON or exceeds a limit.</exception>
        public bool Read()
        {
            if (_finished)
            {
                return false;
            }
            // Compact JSON: the next token usually starts right here, no whitespace, no refill.
            int c;
            int p = _pos;
            if (p < _end && _window[p] > ' ')
            {
                c = _window[p];
            }
            else
            {
                c = PeekNonWhitespace();
            }
            if (c < 0)
            {
                if (_rootDone)
                {
                    _finished = true;
                    return false;
                }
                JsonThrow.Error(_tokenType == JsonTokenType.None ? JsonError.EmptyInput : JsonError.UnexpectedEnd, _windowOffset + _pos);
            }
            if (_rootDone)
            {
                JsonThrow.Error(JsonError.TrailingData, _windowOffset + _pos);
            }
            switch (_tokenType)
            {
                case JsonTokenType.None:
                    ReadValue(c);
                    break;
                case JsonTokenType.StartObject:
                    if (c == '}')
                    {
                        EndContainer(JsonTokenType.EndObject);
                    }
                    else
                    {
                        ReadPropertyName(c);
                    }
                    break;
                case JsonTokenType.StartArray:
                    if (c == ']')
                    {
                        EndContainer(JsonTokenType.EndArray);
                    }
                    else
                    {
                        ReadValue(c);
                    }
                    break;
                case JsonTokenType.PropertyName:
                    if (c != ':')
                    {
                        JsonThrow.Error(JsonError.InvalidCharacter, _windowOffset + _pos);
                    }
                    p = ++_pos;
                    ReadValue(p < _end && _window[p] > ' ' ? _window[p] : PeekValueStart());
                    break;
                default:
                    ReadAfterValue(c);
                    break;
            }
            return true;
        }

        /// <summary>
        /// At <see cref="JsonTokenType.StartObject"/> or <see cref="JsonTokenType.StartArray"/>: moves to
        /// the matching end token. At <see cref="JsonTokenType.PropertyName"/>: moves past the
        /// property's value (onto its last token). Otherwise does nothing.
        /// </summary>
        /// <exception cref="JsonException">The skipped part is not valid JSON.</exception>
        public void Skip()
        {
            if (_tokenType == JsonTokenType.PropertyName)
            {
                Read();
            }
            if (_tokenType == JsonTokenType.StartObject || _tokenType == JsonTokenType.StartArray)
            {
                int depth = CurrentDepth;
                while (Read())
                {
                    if ((_tokenType == JsonTokenType.EndObject || _tokenType == JsonTokenType.EndArray) && _depth == depth)
                    {
                        return;
                    }
                }
            }
        }

        private void ReadAfterValue(int c)
        {
            bool inObject = _containers[_depth - 1] == ObjectMarker;
            if (c == ',')
            {
                int p = ++_pos;
                c = p < _end && _window[p] > ' ' ? _window[p] : PeekValueStart();
                if (inObject)
                {
                    if (c == '}')
                    {
                        JsonThrow.Error(JsonError.TrailingComma, _windowOffset + _pos);
                    }
                    ReadPropertyName(c);
                }
                else
                {
                    if (c == ']')
                    {
                        JsonThrow.Error(JsonError.TrailingComma, _windowOffset + _pos);
                    }
                    ReadValue(c);
                }
            }
            else if (c == '}' && inObject)
            {
                EndContainer(JsonTokenType.EndObject);
            }
            else if (c == ']' && !inObject)
            {
                EndContainer(JsonTokenType.EndArray);
            }
            else
            {
                JsonThrow.Error(JsonError.InvalidCharacter, _windowOffset + _pos);
            }
        }

        private void ReadPropertyName(int c)
        {
            if (c != '"')
            {
                JsonThrow.Error(JsonError.InvalidCharacter, _windowOffset + _pos);
            }
            ScanString();
            _tokenType = JsonTokenType.PropertyName;
        }

        private void ReadValue(int c)
        {
            switch (c)
            {
                case '"':
                    ScanString();
                    _tokenType = JsonTokenType.String;
                    break;
                case '{':
                    StartContainer(ObjectMarker, JsonTokenType.StartObject);
                    return;
                case '[':
                    StartContainer(ArrayMarker, JsonTokenType.StartArray);
                    return;
                case 't':
                    ScanLiteral(TrueBytes, JsonTokenType.True);
                    break;
                case 'f':
                    ScanLiteral(FalseBytes, JsonTokenType.False);
                    break;
                case 'n':
                    ScanLiteral(NullBytes, JsonTokenType.Null);
                    break;
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        ScanNumber();
                        _tokenType = JsonTokenType.Number;
                        break;
                    }
                    JsonThrow.Error(JsonError.InvalidCharacter, _windowOffset + _pos);
                    return;
            }
            if (_depth == 0)
            {
                _rootDone = true;
            }
        }

        private void StartContainer(byte marker, JsonTokenType type)
        {
            if (_depth >= _maxDepth)
            {
                JsonThrow.Error(JsonError.DepthExceeded, _windowOffset + _pos);
            }
            _containers[_depth] = marker;
            _depth++;
            SetSingleByteToken(type);
        }

        private void EndContainer(JsonTokenType type)
        {
            _depth--;
            if (_depth == 0)
            {
                _rootDone = true;
            }
            SetSingleByteToken(type);
        }

        private void SetSingleByteToken(JsonTokenType type)
        {
            _tokenType = type;
            _tokenStart = _pos;
            _valueStart = _pos;
            _valueLength = 1;
            _valueEscaped = false;
            _unescapedBytes = 1;
            _unescapedChars = 1;
            _pos++;
        }
    }
}
