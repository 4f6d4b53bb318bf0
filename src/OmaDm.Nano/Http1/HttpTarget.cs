using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Http1
{
    /// <summary>
    /// An absolute http or https URL split into what an HTTP/1.1 request needs: where to connect
    /// and what to put on the request line.
    /// </summary>
    /// <remarks>
    /// Stricter than <see cref="UrlRules"/>, because these strings go onto the wire verbatim:
    /// printable ASCII only (non-ASCII must arrive percent-encoded), a host of letters, digits,
    /// '-', '.' and '_', no userinfo. IPv6 literals ("[::1]") are refused: the device stack
    /// resolves and connects over IPv4 only. A fragment ("#...") is dropped, as every HTTP client
    /// does; it is never sent.
    /// </remarks>
    public sealed class HttpTarget
    {
        /// <summary>True for https (port 443 unless given).</summary>
        public bool IsHttps;

        /// <summary>Host name or IPv4 address as written in the URL (case kept).</summary>
        public string Host;

        /// <summary>TCP port, 1 to 65535.</summary>
        public int Port;

        /// <summary>Path and query for the request line: starts with "/", keeps "?query", never has a fragment.</summary>
        public string PathAndQuery;

        /// <summary>Default port of the scheme: the Host header names the port only when it differs.</summary>
        public int DefaultPort
        {
            get { return IsHttps ? 443 : 80; }
        }

        /// <summary>
        /// Splits <paramref name="url"/>; false (and a null <paramref name="target"/>) for anything
        /// that is not <c>http(s)://host[:port][/path][?query][#fragment]</c> within
        /// <see cref="UrlRules.MaxUrlChars"/>.
        /// </summary>
        /// <param name="url">Candidate URL, e.g. from <see cref="HttpRequest.Url"/>.</param>
        /// <param name="target">The parts, or null.</param>
        public static bool TryParse(string url, out HttpTarget target)
        {
            target = null;
            if (url == null || url.Length == 0 || url.Length > UrlRules.MaxUrlChars)
            {
                return false;
            }

            for (int i = 0; i < url.Length; i++)
            {
                // Anything else could end the request line early or change its meaning.
                if (url[i] <= ' ' || url[i] >= 0x7F)
                {
                    return false;
                }
            }

            bool https;
            int hostStart;
            if (StartsWithIgnoreCase(url, "https://"))
            {
                https = true;
                hostStart = 8;
            }
            else if (StartsWithIgnoreCase(url, "http://"))
            {
                https = false;
                hostStart = 7;
            }
            else
            {
                return false;
            }

            int end = hostStart;
            while (end < url.Length && url[end] != '/' && url[end] != '?' && url[end] != '#')
            {
                end++;
            }

            int hostEnd = hostStart;
            while (hostEnd < end && IsHostChar(url[hostEnd]))
            {
                hostEnd++;
            }

            if (hostEnd == hostStart)
            {
                return false;
            }

            int port = https ? 443 : 80;
            // Only ":digits" may follow the host: this refuses '@' (userinfo), '[' and ']'.
            if (hostEnd < end && !UrlRules.TryParsePort(url, hostEnd, end, ref port))
            {
                return false;
            }

            int fragment = url.IndexOf('#', end);
            int pathEnd = fragment < 0 ? url.Length : fragment;
            string pathAndQuery;
            if (pathEnd == end)
            {
                pathAndQuery = "/";
            }
            else if (url[end] == '?')
            {
                pathAndQuery = "/" + url.Substring(end, pathEnd - end);
            }
            else
            {
                pathAndQuery = url.Substring(end, pathEnd - end);
            }

            HttpTarget parsed = new HttpTarget();
            parsed.IsHttps = https;
            parsed.Host = url.Substring(hostStart, hostEnd - hostStart);
            parsed.Port = port;
            parsed.PathAndQuery = pathAndQuery;
            target = parsed;
            return true;
        }

        private static bool IsHostChar(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
        }

        private static bool StartsWithIgnoreCase(string text, string lowerPrefix)
        {
            if (text.Length < lowerPrefix.Length)
            {
                return false;
            }

            for (int i = 0; i < lowerPrefix.Length; i++)
            {
                char c = text[i];
                if (c >= 'A' && c <= 'Z')
                {
                    c = (char)(c + 32);
                }

                if (c != lowerPrefix[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
