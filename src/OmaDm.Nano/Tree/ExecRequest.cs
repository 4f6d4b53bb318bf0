using OmaDm.Nano.Addressing;

namespace OmaDm.Nano.Tree
{
    /// <summary>
    /// One EXEC command as the handler sees it. The session fills <see cref="ServerUri"/> and
    /// <see cref="Correlator"/>; <see cref="ManagementTree.Exec"/> fills the rest before calling the handler.
    /// </summary>
    public sealed class ExecRequest
    {
        /// <summary>An EXEC without ServerURI or correlator.</summary>
        public ExecRequest()
        {
        }

        /// <summary>An EXEC with the optional arguments of the command.</summary>
        /// <param name="serverUri">ServerURI argument (null when absent, "" when present but empty).</param>
        /// <param name="correlator">Correlator argument, or null.</param>
        public ExecRequest(string serverUri, string correlator)
        {
            ServerUri = serverUri;
            Correlator = correlator;
        }

        /// <summary>ServerURI argument: null when absent, "" when present but empty. When not null the EXEC must run asynchronously.</summary>
        public string ServerUri { get; set; }

        /// <summary>Correlator to echo in the result Generic Alert, or null.</summary>
        public string Correlator { get; set; }

        /// <summary>True when the command carried a ServerURI (even ""): the handler should answer 202 and report later.</summary>
        public bool MustBeAsync { get { return ServerUri != null; } }

        /// <summary>Server that sent the command (set by the tree).</summary>
        public string ServerId { get; internal set; }

        /// <summary>The instance that owns the node (set by the tree).</summary>
        public MoInstance Instance { get; internal set; }

        /// <summary>Node path below the instance root (set by the tree).</summary>
        public string Path { get; internal set; }

        /// <summary>The executed node's ClientURI with the concrete MIID (set by the tree): the alert's SourceURI.</summary>
        public ClientUri Uri { get; internal set; }
    }
}
