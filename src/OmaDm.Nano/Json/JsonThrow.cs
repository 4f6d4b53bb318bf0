namespace OmaDm.Nano.Json
{
    /// <summary>The one place the Json layer raises <see cref="JsonException"/> and words its messages.</summary>
    internal static class JsonThrow
    {
        /// <summary>Throws a <see cref="JsonException"/> for <paramref name="error"/> at <paramref name="offset"/>.</summary>
        internal static void Error(JsonError error, long offset)
        {
            throw new JsonException(error, offset);
        }

        /// <summary>Message text; a switch because nanoFramework cannot name enum values.</summary>
        internal static string Describe(JsonError error, long offset)
        {
            return "Invalid JSON: " + Name(error) + " at byte offset " + offset.ToString() + ".";
        }

        private static string Name(JsonError error)
        {
            switch (error)
            {
                case JsonError.UnexpectedEnd: return "UnexpectedEnd (input ends inside a value or container)";
                case JsonError.InvalidCharacter: return "InvalidCharacter (unexpected byte)";
                case JsonError.TrailingComma: return "TrailingComma (comma before a closing bracket)";
                case JsonError.LeadingZero: return "LeadingZero (number with a leading zero)";
                case JsonError.InvalidEscape: return "InvalidEscape (bad backslash escape)";
                case JsonError.ControlCharacterInString: return "ControlCharacterInString (raw byte below 0x20 in a string)";
                case JsonError.LoneSurrogate: return "LoneSurrogate (\\u surrogate escape without its partner)";
                case JsonError.InvalidUtf8: return "InvalidUtf8 (malformed UTF-8 in a string)";
                case JsonError.TrailingData: return "TrailingData (data after the root value)";
                case JsonError.DepthExceeded: return "DepthExceeded (nesting deeper than the limit)";
                case JsonError.TokenTooLong: return "TokenTooLong (token larger than the reader window)";
                case JsonError.InvalidNumber: return "InvalidNumber (malformed number)";
                case JsonError.InvalidLiteral: return "InvalidLiteral (expected true, false or null)";
                case JsonError.EmptyInput: return "EmptyInput (no JSON value)";
                default: return "error " + ((int)error).ToString();
            }
        }
    }
}
