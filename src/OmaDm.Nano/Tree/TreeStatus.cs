namespace OmaDm.Nano.Tree
{
    /// <summary>DM status codes the tree answers (issue 3 list; see docs/tree.md for when each is used).</summary>
    internal static class TreeStatus
    {
        internal const int Ok = 200;
        internal const int Accepted = 202;
        internal const int NotModified = 304;
        internal const int BadRequest = 400;
        internal const int Unauthorized = 401;
        internal const int Forbidden = 403;
        internal const int NotFound = 404;
        internal const int NotAllowed = 405;
        internal const int TooLarge = 413;
        internal const int UnsupportedMediaType = 415;
        internal const int DeviceError = 500;
    }
}
