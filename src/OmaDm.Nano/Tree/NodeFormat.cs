namespace OmaDm.Nano.Tree
{
    /// <summary>
    /// Format of a node (DM 1.x DDF formats). Decides validation on write and the JSON shape on GET.
    /// Part of MO definitions and docs: never renumber.
    /// </summary>
    public enum NodeFormat
    {
        /// <summary>Interior node: serialized as a JSON object of its children.</summary>
        Node = 0,
        /// <summary>UTF-8 text: JSON string.</summary>
        Chr = 1,
        /// <summary>64-bit signed integer: JSON number; other text → 400.</summary>
        Int = 2,
        /// <summary>Boolean: JSON true/false; text "true"/"false".</summary>
        Bool = 3,
        /// <summary>Raw bytes: JSON string in base64 (RFC 4648, padded).</summary>
        Bin = 4,
        /// <summary>Base64 text kept as text: JSON string; must use the base64 alphabet.</summary>
        B64 = 5,
        /// <summary>Floating point: JSON number (no NaN/Infinity).</summary>
        Float = 6,
        /// <summary>ISO 8601 date <c>YYYY-MM-DD</c>: JSON string.</summary>
        Date = 7,
        /// <summary>ISO 8601 time <c>hh:mm:ss[.fff][Z|±hh:mm]</c>: JSON string.</summary>
        Time = 8
    }
}
