namespace OmaDm.Nano.Platform
{
    /// <summary>
    /// The one HTTP contract the core uses: DM packages (POST), Data Repository reads with Range
    /// (HGET, firmware) and uploads (HPUT, HPOST). A board binds it to HttpWebRequest, the host to
    /// HttpClient. Implementations validate TLS per <see cref="HttpRequest.AllowInsecure"/>.
    /// </summary>
    public interface IHttpTransport
    {
        /// <summary>
        /// Prepares one exchange. Nothing is sent until <see cref="IHttpExchange.Send"/>.
        /// The caller disposes the exchange, which releases the connection.
        /// </summary>
        IHttpExchange Open(HttpRequest request);
    }
}
