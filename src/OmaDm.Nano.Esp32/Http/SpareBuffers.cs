namespace OmaDm.Nano.Esp32.Http
{
    /// <summary>
    /// Two spare buffers of one size, handed from finished exchanges to new ones. Two because the
    /// core keeps at most one Package#3 open while the next request starts, so a session
    /// allocates none after its first packages.
    /// </summary>
    internal sealed class SpareBuffers
    {
        private readonly int _size;
        private readonly byte[][] _spares = new byte[2][];
        private readonly object _lock = new object();

        internal SpareBuffers(int size)
        {
            _size = size;
        }

        /// <summary>A spare buffer, or a new one when both are out.</summary>
        internal byte[] Rent()
        {
            lock (_lock)
            {
                for (int i = 0; i < _spares.Length; i++)
                {
                    byte[] buffer = _spares[i];
                    if (buffer != null)
                    {
                        _spares[i] = null;
                        return buffer;
                    }
                }
            }

            return new byte[_size];
        }

        /// <summary>Takes a buffer back (dropped when both spares are already there).</summary>
        internal void Return(byte[] buffer)
        {
            if (buffer == null || buffer.Length != _size)
            {
                return;
            }

            lock (_lock)
            {
                for (int i = 0; i < _spares.Length; i++)
                {
                    if (_spares[i] == null)
                    {
                        _spares[i] = buffer;
                        return;
                    }
                }
            }
        }
    }
}
