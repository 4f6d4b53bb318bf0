using System.Text;

namespace OmaDm.Nano.Protocol
{
    /// <summary>
    /// A small cache from UTF-8 bytes to strings, so a command argument that repeats (the same
    /// ClientURI in many GETs) is decoded once. Fixed size; replacement is round-robin.
    /// </summary>
    /// <remarks>RAM: <see cref="Slots"/> × (key buffer + string). Not thread-safe (one per session).</remarks>
    public sealed class Utf8StringPool
    {
        /// <summary>Entries kept: enough for the few URIs a package repeats, small enough to scan.</summary>
        public const int Slots = 8;

        private readonly byte[][] _keys = new byte[Slots][];
        private readonly int[] _lengths = new int[Slots];
        private readonly string[] _values = new string[Slots];
        private int _next;

        /// <summary>Returns the string for <paramref name="count"/> bytes at <paramref name="offset"/>; allocates only on a miss.</summary>
        /// <param name="utf8">Source bytes (not kept; copied on a miss).</param>
        /// <param name="offset">Start of the text.</param>
        /// <param name="count">Length in bytes.</param>
        public string Get(byte[] utf8, int offset, int count)
        {
            if (count == 0)
            {
                return string.Empty;
            }

            for (int slot = 0; slot < Slots; slot++)
            {
                if (_values[slot] != null && _lengths[slot] == count && SameBytes(_keys[slot], utf8, offset, count))
                {
                    return _values[slot];
                }
            }

            int target = _next;
            _next = (_next + 1) % Slots;
            byte[] key = _keys[target];
            if (key == null || key.Length < count)
            {
                key = new byte[count];
                _keys[target] = key;
            }

            for (int i = 0; i < count; i++)
            {
                key[i] = utf8[offset + i];
            }

            _lengths[target] = count;
            string value = Encoding.UTF8.GetString(utf8, offset, count);
            _values[target] = value;
            return value;
        }

        private static bool SameBytes(byte[] key, byte[] utf8, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (key[i] != utf8[offset + i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
