namespace OmaDm.Nano.Firmware
{
    /// <summary>
    /// The checks a package URL must pass before any request: absolute http(s), a host, no blanks
    /// or control characters, bounded length; plain http only to loopback unless the app opted in.
    /// </summary>
    public static class FirmwareUrl
    {
        /// <summary>Longest URL accepted, in characters (the DM command argument bound).</summary>
        public const int MaxUrlChars = 1024;

        /// <summary>True when <paramref name="url"/> may be downloaded from.</summary>
        /// <param name="url">Candidate URL (from PkgURL or an HGET command).</param>
        /// <param name="allowPlainHttp">The app's explicit opt-in to http to non-loopback hosts.</param>
        public static bool IsAcceptable(string url, bool allowPlainHttp)
        {
            int hostStart = HostStart(url);
            if (hostStart < 0)
            {
                return false;
            }

            return hostStart == 8 || allowPlainHttp || IsLoopback(url);
        }

        /// <summary>True when the host is localhost, 127.x.x.x or [::1] (TLS validation may be skipped there).</summary>
        /// <param name="url">A URL that passed <see cref="IsAcceptable"/>.</param>
        public static bool IsLoopback(string url)
        {
            int start = HostStart(url);
            if (start < 0)
            {
                return false;
            }

            return StartsWithIgnoreCase(url, start, "localhost:") || StartsWithIgnoreCase(url, start, "localhost/")
                || (url.Length == start + 9 && StartsWithIgnoreCase(url, start, "localhost"))
                || StartsWithIgnoreCase(url, start, "127.") || StartsWithIgnoreCase(url, start, "[::1]");
        }

        /// <summary>Index where the host starts (7 for http, 8 for https), or -1 for an unusable URL.</summary>
        private static int HostStart(string url)
        {
            if (url == null || url.Length == 0 || url.Length > MaxUrlChars)
            {
                return -1;
            }

            for (int i = 0; i < url.Length; i++)
            {
                if (url[i] <= ' ' || url[i] == 0x7F)
                {
                    return -1;
                }
            }

            int start = StartsWithIgnoreCase(url, 0, "https://") ? 8 : StartsWithIgnoreCase(url, 0, "http://") ? 7 : -1;
            if (start < 0 || start >= url.Length)
            {
                return -1;
            }

            char first = url[start];
            if (first == '/' || first == ':' || first == '?' || first == '#')
            {
                return -1;
            }

            for (int i = start; i < url.Length && url[i] != '/'; i++)
            {
                // userinfo could hide the real host from a quick look
                if (url[i] == '@')
                {
                    return -1;
                }
            }

            return start;
        }

        private static bool StartsWithIgnoreCase(string text, int start, string prefix)
        {
            if (text.Length - start < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                char c = text[start + i];
                if (c >= 'A' && c <= 'Z')
                {
                    c = (char)(c + 32);
                }

                if (c != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
