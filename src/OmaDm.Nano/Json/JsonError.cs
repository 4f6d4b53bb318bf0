namespace OmaDm.Nano.Json
{
    /// <summary>
    /// What is wrong with a JSON input, carried by <see cref="JsonException"/>. Logged and mapped to
    /// DM status codes by higher layers: never renumber.
    /// </summary>
    public enum JsonError
    {
        /// <summary>No error.</summary>
        None = 0,
        /// <summary>The input ended inside a value or container (unclosed object/array, truncated token).</summary>
        UnexpectedEnd = 1,
        /// <summary>A byte that cannot appear here (missing comma or colon, bad value start, mismatched bracket).</summary>
        InvalidCharacter = 2,
        /// <summary>A comma directly before <c>}</c> or <c>]</c>.</summary>
        TrailingComma = 3,
        /// <summary>A number with a superfluous leading zero (<c>01</c>, <c>-00</c>).</summary>
        LeadingZero = 4,
        /// <summary>A backslash escape other than <c>\" \\ \/ \b \f \n \r \t \uXXXX</c>, or bad hex digits.</summary>
        InvalidEscape = 5,
        /// <summary>A raw byte below 0x20 inside a string.</summary>
        ControlCharacterInString = 6,
        /// <summary>A <c>\u</c> escape of a UTF-16 surrogate without its partner.</summary>
        LoneSurrogate = 7,
        /// <summary>A string holds bytes that are not well-formed UTF-8 (overlong, surrogate, above U+10FFFF, truncated).</summary>
        InvalidUtf8 = 8,
        /// <summary>Something other than whitespace follows the complete root value.</summary>
        TrailingData = 9,
        /// <summary>Containers nest deeper than the reader's maximum depth.</summary>
        DepthExceeded = 10,
        /// <summary>A single token does not fit in the reader's window.</summary>
        TokenTooLong = 11,
        /// <summary>A malformed number (<c>-</c>, <c>1.</c>, <c>1e</c>, <c>1x</c>).</summary>
        InvalidNumber = 12,
        /// <summary>Misspelt <c>true</c>, <c>false</c> or <c>null</c>.</summary>
        InvalidLiteral = 13,
        /// <summary>The input holds no value at all (empty or whitespace only).</summary>
        EmptyInput = 14
    }
}
