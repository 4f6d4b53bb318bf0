using System;

namespace OmaDm.Nano.Json
{
    /// <summary>
    /// Malformed or over-limit JSON input. Thrown only through <see cref="JsonThrow"/>; the session
    /// loop catches it and answers with a DM status instead of crashing.
    /// </summary>
    public sealed class JsonException : Exception
    {
        private readonly JsonError _error;
        private readonly long _offset;

        /// <summary>Creates the exception; the message names the problem and the byte offset.</summary>
        /// <param name="error">What is wrong.</param>
        /// <param name="offset">Absolute byte offset in the input stream where the problem was found.</param>
        public JsonException(JsonError error, long offset)
            : base(JsonThrow.Describe(error, offset))
        {
            _error = error;
            _offset = offset;
        }

        /// <summary>What is wrong with the input.</summary>
        public JsonError Error { get { return _error; } }

        /// <summary>Absolute byte offset (from the start of the stream) of the offending byte or token.</summary>
        public long Offset { get { return _offset; } }
    }
}
