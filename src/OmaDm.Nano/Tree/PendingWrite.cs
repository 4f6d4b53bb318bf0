namespace OmaDm.Nano.Tree
{
    /// <summary>One node write parsed from a JSON body, applied only after the whole body validated.</summary>
    internal sealed class PendingWrite
    {
        internal PendingWrite(string[] segments, MoNode definition, byte[] value, bool clear)
        {
            Segments = segments;
            Definition = definition;
            Value = value;
            Clear = clear;
        }

        /// <summary>Full path below the instance root.</summary>
        internal readonly string[] Segments;

        internal readonly MoNode Definition;

        /// <summary>Validated leaf value; null for interior nodes and for <see cref="Clear"/>.</summary>
        internal readonly byte[] Value;

        /// <summary>JSON null on an existing leaf: drop its value.</summary>
        internal readonly bool Clear;
    }
}
