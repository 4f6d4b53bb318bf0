namespace OmaDm.Nano.Session
{
    /// <summary>
    /// The app's web-browser hand-off for SHOW. <see cref="Show"/> must return at once (queue the
    /// URL, open it on another thread): the session does not wait for the user.
    /// </summary>
    public interface IUserInteraction
    {
        /// <summary>Hands over a URL to show; returns a status (200 when accepted).</summary>
        /// <param name="url">Absolute http(s) URL from the server, already checked by the session.</param>
        int Show(string url);
    }
}
