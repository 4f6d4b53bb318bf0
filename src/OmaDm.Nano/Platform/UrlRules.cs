namespace OmaDm.Nano.Platform
{
    /// <summary>
    /// Checks on URLs that come from the network or the DM Account: absolute http(s), secure by
    /// default (https unless loopback or an explicit opt-in), same-origin for CONT. Allocation-free.
    /// </summary>
    public static class UrlRules
    {
        /// <summary>Longest URL accepted, in characters (matches the command argument bound).</summary>
        public const int MaxUrlChars = 1024;

        /// <summary>True for an absolute http:// or https:// URL with a host and no blanks or control characters.</summary>
        /// <param name="url">Candidate URL.</param>
        public static bool IsHttpUrl(string url)
        {
            int hostStart;
            int hostEnd;
            int port;
            bool https;
            return TrySplit(url, out https, out hostStart, out hostEnd, out port);
        }

        /// <summary>True for an https URL.</summary>
        /// <param name="url">Candidate URL.</param>
        public static bool IsHttps(string url)
        {
            int hostStart;
            int hostEnd;
            int port;
            bool https;
            return TrySplit(url, out https, out hostStart, out hostEnd, out port) && https;
        }

        /// <summary>True when the URL's host is loopback: localhost, 127.x.x.x or [::1].</summary>
        /// <param name="url">Candidate URL.</param>
        public static bool IsLoopback(string url)
        {
            int hostStart;
            int hostEnd;
            int port;
            bool https;
            if (!TrySplit(url, out https, out hostStart, out hostEnd, out port))
            {
                return false;
            }

            int length = hostEnd - hostStart;
            return EqualsIgnoreCase(url, hostStart, length, "localhost")
                || EqualsIgnoreCase(url, hostStart, length, "[::1]")
                || (length >= 7 && EqualsIgnoreCase(url, hostStart, 4, "127.") && IsDottedDigits(url, hostStart, length));
        }

        private static bool IsDottedDigits(string text, int start, int length)
        {
            int dots = 0;
            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                if (c == '.')
                {
                    dots++;
                }
                else if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return dots == 3;
        }

        /// <summary>
        /// The secure-by-default rule: https always; plain http only to loopback or when
        /// <paramref name="allowInsecure"/> is set.
        /// </summary>
        /// <param name="url">Candidate URL.</param>
        /// <param name="allowInsecure">The app's explicit opt-in (DM Account / settings / CLI).</param>
        public static bool IsAllowed(string url, bool allowInsecure)
        {
            if (!IsHttpUrl(url))
            {
                return false;
            }

            return IsHttps(url) || allowInsecure || IsLoopback(url);
        }

        /// <summary>True when both URLs have the same scheme, host (ignoring case) and port.</summary>
        /// <param name="a">First URL.</param>
        /// <param name="b">Second URL.</param>
        public static bool SameOrigin(string a, string b)
        {
            bool httpsA;
            bool httpsB;
            int hostStartA;
            int hostEndA;
            int portA;
            int hostStartB;
            int hostEndB;
            int portB;
            if (!TrySplit(a, out httpsA, out hostStartA, out hostEndA, out portA)
                || !TrySplit(b, out httpsB, out hostStartB, out hostEndB, out portB))
            {
                return false;
            }

            if (httpsA != httpsB || portA != portB || hostEndA - hostStartA != hostEndB - hostStartB)
            {
                return false;
            }

            for (int i = 0; i < hostEndA - hostStartA; i++)
            {
                if (Lower(a[hostStartA + i]) != Lower(b[hostStartB + i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool TrySplit(string url, out bool https, out int hostStart, out int hostEnd, out int port)
        {
            https = false;
            hostStart = 0;
            hostEnd = 0;
            port = 0;
            if (url == null || url.Length == 0 || url.Length > MaxUrlChars)
            {
                return false;
            }

            for (int i = 0; i < url.Length; i++)
            {
                if (url[i] <= ' ' || url[i] == 0x7F)
                {
                    return false;
                }
            }

            if (EqualsIgnoreCase(url, 0, 8, "https://"))
            {
                https = true;
                hostStart = 8;
                port = 443;
            }
            else if (EqualsIgnoreCase(url, 0, 7, "http://"))
            {
                hostStart = 7;
                port = 80;
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

            // userinfo in a DM URL is a way to smuggle another host past a quick look: refuse it
            for (int i = hostStart; i < end; i++)
            {
                if (url[i] == '@')
                {
                    return false;
                }
            }

            hostEnd = end;
            if (end > hostStart && url[hostStart] == '[')
            {
                int close = url.IndexOf(']', hostStart);
                if (close < 0 || close >= end)
                {
                    return false;
                }

                hostEnd = close + 1;
            }
            else
            {
                int colon = url.IndexOf(':', hostStart);
                if (colon >= 0 && colon < end)
                {
                    hostEnd = colon;
                }
            }

            if (hostEnd == hostStart)
            {
                return false;
            }

            return hostEnd == end || TryParsePort(url, hostEnd, end, ref port);
        }

        /// <summary>
        /// Reads the <c>:digits</c> that sit between <paramref name="hostEnd"/> and
        /// <paramref name="end"/> (the end of the authority) into <paramref name="port"/>; false for
        /// anything else there (userinfo, brackets, no digits, more than five, 0 or above 65535).
        /// </summary>
        internal static bool TryParsePort(string url, int hostEnd, int end, ref int port)
        {
            int digits = end - hostEnd - 1;
            if (url[hostEnd] != ':' || digits < 1 || digits > 5)
            {
                return false;
            }

            int value = 0;
            for (int i = hostEnd + 1; i < end; i++)
            {
                char c = url[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            if (value < 1 || value > 65535)
            {
                return false;
            }

            port = value;
            return true;
        }

        private static bool EqualsIgnoreCase(string text, int start, int length, string expected)
        {
            if (length != expected.Length || start + length > text.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (Lower(text[start + i]) != expected[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static char Lower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }
    }
}
