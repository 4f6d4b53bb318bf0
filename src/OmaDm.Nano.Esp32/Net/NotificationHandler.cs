namespace OmaDm.Nano.Esp32.Net
{
    /// <summary>
    /// Receives one datagram from <see cref="NotificationListener"/>: <paramref name="count"/> bytes
    /// at the start of <paramref name="data"/>. The buffer is reused for the next datagram, so the
    /// handler parses (or copies) before it returns.
    /// </summary>
    /// <param name="data">The listener's receive buffer.</param>
    /// <param name="count">Bytes received.</param>
    public delegate void NotificationHandler(byte[] data, int count);
}
