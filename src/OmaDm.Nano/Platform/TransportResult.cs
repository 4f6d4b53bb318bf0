namespace OmaDm.Nano.Platform
{
    /// <summary>Outcome of <see cref="IHttpExchange.Send"/>. Persisted in logs only; never renumber.</summary>
    public enum TransportResult
    {
        /// <summary>A response arrived; look at its status code.</summary>
        Success = 0,
        /// <summary>Name resolution or TCP connect failed.</summary>
        ConnectFailed = 1,
        /// <summary>No response within the timeout.</summary>
        Timeout = 2,
        /// <summary>TLS handshake or certificate validation failed.</summary>
        TlsFailed = 3,
        /// <summary>The request body exceeded what the binding can send.</summary>
        RequestTooLarge = 4,
        /// <summary>The connection broke while sending or receiving headers.</summary>
        ConnectionLost = 5,
        /// <summary>The URL or request could not be used by this binding.</summary>
        BadRequest = 6
    }
}
