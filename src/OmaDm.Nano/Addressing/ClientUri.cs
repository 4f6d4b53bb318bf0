using System;

namespace OmaDm.Nano.Addressing
{
    /// <summary>
    /// A DM 2.0 ClientURI, <c>MOID/MIID/path[?query]</c>, e.g.
    /// <c>urn:oma:mo:oma-fumo:1.0/fumo1/DownloadAndUpdate/PkgURL</c> or <c>urn:oma:mo:oma-dm-devinfo:1.0//FwV?cv=3</c>.
    /// Immutable; parse network text with <see cref="TryParse"/>.
    /// </summary>
    /// <remarks>
    /// Accepted on input with or without the <c>urn:</c> prefix; <see cref="Moid"/> and <see cref="Format()"/>
    /// always carry it. An empty MIID (<c>MOID//path</c>, or just <c>MOID</c>) means "the only instance";
    /// <c>*</c> means every instance (GET only). Only printable ASCII is accepted (RFC 3986 URIs are ASCII;
    /// anything else must be percent-encoded, which is kept as is and never decoded).
    /// </remarks>
    public sealed partial class ClientUri
    {
        /// <summary>Longest ClientURI text accepted, in chars: record store keys embed the URI and are bounded to 256 bytes.</summary>
        public const int MaxClientUriChars = 240;

        /// <summary>Most path segments below the MIID: bounds recursion and tree depth.</summary>
        public const int MaxPathSegments = 16;

        /// <summary>The MIID that selects every instance of the MOID.</summary>
        public const string WildcardMiid = "*";

        /// <summary>Status for any malformed ClientURI (DM "bad request").</summary>
        public const int StatusBadRequest = 400;

        /// <summary>Status returned by <see cref="TryParse"/> on success.</summary>
        public const int StatusOk = 200;

        private const string UrnPrefix = "urn:";

        private readonly string _moid;
        private readonly string _miid;
        private readonly string _path;
        private readonly string[] _segments;
        private readonly string _query;
        private readonly string _cacheValidator;

        private ClientUri(string moid, string miid, string path, string[] segments, string query, string cacheValidator)
        {
            _moid = moid;
            _miid = miid;
            _path = path;
            _segments = segments;
            _query = query;
            _cacheValidator = cacheValidator;
        }

        /// <summary>The MO identifier, always in <c>urn:</c> form.</summary>
        public string Moid { get { return _moid; } }

        /// <summary>The instance id: "" when omitted, <see cref="WildcardMiid"/> for every instance.</summary>
        public string Miid { get { return _miid; } }

        /// <summary>True when the MIID was left empty ("the only instance").</summary>
        public bool IsMiidOmitted { get { return _miid.Length == 0; } }

        /// <summary>True when the MIID is the wildcard <c>*</c>.</summary>
        public bool IsWildcard { get { return _miid == WildcardMiid; } }

        /// <summary>Node path below the instance, segments joined by '/'; "" addresses the instance root.</summary>
        public string Path { get { return _path; } }

        /// <summary>Number of path segments (0 for the instance root).</summary>
        public int SegmentCount { get { return _segments.Length; } }

        /// <summary>One path segment, 0-based.</summary>
        public string GetSegment(int index) { return _segments[index]; }

        /// <summary>The segments array itself (not copied): for the tree's lookups only.</summary>
        internal string[] Segments { get { return _segments; } }

        /// <summary>Raw query text after '?', without the '?'; null when the URI had none.</summary>
        public string Query { get { return _query; } }

        /// <summary>The value of the <c>cv</c> query parameter (cache validator), or null.</summary>
        public string CacheValidator { get { return _cacheValidator; } }

        /// <summary>
        /// A ClientURI built by code (not from the network). Throws <see cref="ArgumentException"/>
        /// when the parts would not parse back: that is a caller bug.
        /// </summary>
        /// <param name="moid">MOID with or without <c>urn:</c>.</param>
        /// <param name="miid">Instance id, "" or <c>*</c>.</param>
        /// <param name="path">Node path, "" for the instance root.</param>
        public static ClientUri Create(string moid, string miid, string path)
        {
            ClientUri uri;
            int status;
            if (moid == null || miid == null || path == null
                || !TryParse(Format(moid, miid, path), out uri, out status))
            {
                throw new ArgumentException("invalid ClientURI parts");
            }
            return uri;
        }

        /// <summary>This URI with another MIID (query dropped): used to report the concrete instance.</summary>
        public ClientUri WithMiid(string miid)
        {
            return Create(_moid, miid, _path);
        }

        /// <summary>The URI text in <c>urn:</c> form, without the query.</summary>
        public string Format()
        {
            return Format(_moid, _miid, _path);
        }

        /// <summary>Formats the parts as ClientURI text (<c>urn:</c> added when missing, no query).</summary>
        public static string Format(string moid, string miid, string path)
        {
            string m = moid;
            if (!(moid.Length > 4 && moid[0] == 'u' && moid[1] == 'r' && moid[2] == 'n' && moid[3] == ':'))
            {
                m = HasUrnPrefix(moid) ? UrnPrefix + moid.Substring(UrnPrefix.Length) : UrnPrefix + moid;
            }
            // One concatenation: this runs for every GET result.
            return path.Length == 0 ? string.Concat(m, "/", miid) : string.Concat(new string[] { m, "/", miid, "/", path });
        }

        /// <summary>Same as <see cref="Format()"/>.</summary>
        public override string ToString()
        {
            return Format();
        }

        /// <summary>
        /// The canonical MOID for <paramref name="moid"/>: <c>urn:</c> form (prefix lower case).
        /// Returns null when it is not a valid MOID.
        /// </summary>
        public static string NormalizeMoid(string moid)
        {
            if (moid == null || moid.Length == 0 || moid.Length > MaxClientUriChars)
            {
                return null;
            }
            for (int i = 0; i < moid.Length; i++)
            {
                if (!IsMoidChar(moid[i]))
                {
                    return null;
                }
            }
            string rest = HasUrnPrefix(moid) ? moid.Substring(UrnPrefix.Length) : moid;
            if (rest.Length == 0 || rest.IndexOf(':') < 0)
            {
                return null; // a MOID is a URN body "nid:nss": needs at least one ':'
            }
            return UrnPrefix + rest;
        }

        private static bool HasUrnPrefix(string s)
        {
            return s.Length >= 4
                && (s[0] == 'u' || s[0] == 'U') && (s[1] == 'r' || s[1] == 'R')
                && (s[2] == 'n' || s[2] == 'N') && s[3] == ':';
        }
    }
}
