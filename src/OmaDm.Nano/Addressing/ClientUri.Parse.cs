namespace OmaDm.Nano.Addressing
{
    public sealed partial class ClientUri
    {
        /// <summary>
        /// Parses ClientURI text from the network. Never throws for bad input.
        /// </summary>
        /// <param name="text">The URI text, e.g. <c>oma:mo:oma-dm-devinfo:1.0//FwV?cv=7</c>.</param>
        /// <param name="uri">The parsed URI, or null on failure.</param>
        /// <param name="status">200 on success; 400 for null/empty text, over <see cref="MaxClientUriChars"/>,
        /// control or non-ASCII characters, spaces, '#', '\', a '.' or '..' segment, an empty segment inside
        /// the path, '*' anywhere but as the whole MIID, more than <see cref="MaxPathSegments"/> segments,
        /// an invalid MOID, or an empty/duplicate <c>cv</c> query value.</param>
        /// <returns>True when <paramref name="uri"/> is valid.</returns>
        /// <remarks>
        /// A trailing '/' is accepted only right after the MIID (<c>MOID//</c>, <c>MOID/m1/</c> address the
        /// instance root); after a path segment it is an empty segment and rejected.
        /// Query parameters other than <c>cv</c> are ignored.
        /// </remarks>
        public static bool TryParse(string text, out ClientUri uri, out int status)
        {
            uri = null;
            status = StatusBadRequest;
            if (text == null || text.Length == 0 || text.Length > MaxClientUriChars)
            {
                return false;
            }
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                // Printable ASCII only: rejects C0/C1 controls, DEL, space and every non-ASCII char.
                if (c <= ' ' || c >= (char)0x7F || c == '#' || c == '\\')
                {
                    return false;
                }
            }

            string query = null;
            string main = text;
            int q = text.IndexOf('?');
            if (q >= 0)
            {
                query = text.Substring(q + 1);
                main = text.Substring(0, q);
            }

            int slash = main.IndexOf('/');
            string moidText = slash < 0 ? main : main.Substring(0, slash);
            string moid = NormalizeMoid(moidText);
            if (moid == null)
            {
                return false;
            }

            string miid = "";
            string path = "";
            if (slash >= 0)
            {
                int slash2 = main.IndexOf('/', slash + 1);
                miid = slash2 < 0 ? main.Substring(slash + 1) : main.Substring(slash + 1, slash2 - slash - 1);
                if (slash2 >= 0)
                {
                    path = main.Substring(slash2 + 1);
                }
            }
            if (miid != WildcardMiid && !IsValidSegment(miid, true))
            {
                return false;
            }

            string[] segments = SplitPath(path);
            if (segments == null)
            {
                return false;
            }

            string cv = null;
            if (query != null && !TryParseQuery(query, out cv))
            {
                return false;
            }

            uri = new ClientUri(moid, miid, path, segments, query, cv);
            status = StatusOk;
            return true;
        }

        /// <summary>True when <paramref name="name"/> is a valid node name or MIID (no '/', '*', '.', '..').</summary>
        public static bool IsValidName(string name)
        {
            if (name == null || name.Length == 0 || name.Length > MaxClientUriChars)
            {
                return false;
            }
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c <= ' ' || c >= (char)0x7F || c == '#' || c == '\\' || c == '?')
                {
                    return false;
                }
            }
            return IsValidSegment(name, false);
        }

        /// <summary>Splits a node path into validated segments; null when invalid, empty for "".</summary>
        internal static string[] SplitPath(string path)
        {
            if (path.Length == 0)
            {
                return new string[0];
            }
            int count = 1;
            for (int i = 0; i < path.Length; i++)
            {
                if (path[i] == '/')
                {
                    count++;
                }
            }
            if (count > MaxPathSegments)
            {
                return null;
            }
            string[] segments = new string[count];
            int start = 0;
            for (int s = 0; s < count; s++)
            {
                int end = path.IndexOf('/', start);
                if (end < 0)
                {
                    end = path.Length;
                }
                string segment = path.Substring(start, end - start);
                if (!IsValidSegment(segment, false))
                {
                    return null;
                }
                segments[s] = segment;
                start = end + 1;
            }
            return segments;
        }

        private static bool IsValidSegment(string segment, bool allowEmpty)
        {
            if (segment.Length == 0)
            {
                return allowEmpty;
            }
            if (segment == "." || segment == "..")
            {
                return false;
            }
            for (int i = 0; i < segment.Length; i++)
            {
                char c = segment[i];
                if (c == '*' || c == '/')
                {
                    return false;
                }
            }
            return true;
        }

        private static bool TryParseQuery(string query, out string cv)
        {
            cv = null;
            int start = 0;
            while (start <= query.Length)
            {
                int end = query.IndexOf('&', start);
                if (end < 0)
                {
                    end = query.Length;
                }
                int eq = query.IndexOf('=', start);
                bool isCv = end - start >= 2 && query[start] == 'c' && query[start + 1] == 'v'
                    && (end - start == 2 || query[start + 2] == '=');
                if (isCv)
                {
                    if (cv != null || eq < 0 || eq >= end - 1 || eq != start + 2)
                    {
                        return false; // duplicate "cv", or "cv" without a value
                    }
                    cv = query.Substring(eq + 1, end - eq - 1);
                }
                start = end + 1;
            }
            return true;
        }

        private static bool IsMoidChar(char c)
        {
            return c > ' ' && c < (char)0x7F && c != '/' && c != '?' && c != '*' && c != '#' && c != '\\';
        }
    }
}
