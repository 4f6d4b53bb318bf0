namespace OmaDm.Nano.Tree
{
    /// <summary>
    /// Receives the body of an HGET into a stream-sink leaf (e.g. FUMO <c>PkgData</c>). The body is never stored
    /// in the tree or the record store. Returns 200 when consumed, or an error status (413 too large, 415
    /// wrong media type, 500 device error). Must not throw (an exception is answered 500).
    /// </summary>
    /// <param name="request">The target node, the server and the body stream.</param>
    public delegate int StreamSinkHandler(StreamSinkRequest request);
}
