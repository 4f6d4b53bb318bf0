namespace OmaDm.Nano.Tests.Fakes
{
    /// <summary>One request seen by <see cref="ScriptedTransport"/>.</summary>
    public sealed class ScriptedRequest
    {
        /// <summary>HTTP method.</summary>
        public string Method;
        /// <summary>Target URL.</summary>
        public string Url;
        /// <summary>Request Content-Type.</summary>
        public string ContentType;
        /// <summary>Accept header.</summary>
        public string Accept;
        /// <summary>OMADM-DevID.</summary>
        public string DevId;
        /// <summary>Basic user.</summary>
        public string UserName;
        /// <summary>Basic password.</summary>
        public string Password;
        /// <summary>TLS validation skipped.</summary>
        public bool AllowInsecure;
        /// <summary>Body as UTF-8 text, set at Send.</summary>
        public string Body;
        /// <summary>True once Send was called.</summary>
        public bool Sent;
        /// <summary>True once disposed.</summary>
        public bool Disposed;
    }
}
