namespace OmaDm.Nano.Tree
{
    /// <summary>
    /// Runs an EXEC on a node. Returns 200 when done synchronously, 202 when accepted for work after the
    /// session (the handler queues it and later enqueues a Generic Alert), or an error status (4xx/5xx).
    /// Must return quickly; must not throw (an exception is answered 500).
    /// </summary>
    /// <param name="request">The command: instance, node path, server, optional ServerURI and correlator.</param>
    public delegate int ExecHandler(ExecRequest request);
}
