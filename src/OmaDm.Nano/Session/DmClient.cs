using System;
using System.Collections;
using OmaDm.Nano.Platform;
using OmaDm.Nano.Protocol;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Session
{
    /// <summary>
    /// Runs DM sessions (P1 → P2 → P3 … END) for one DM Account through an <see cref="IHttpTransport"/>,
    /// dispatching every command to the <see cref="ManagementTree"/>. Bad input from the server is
    /// answered with a status or ends the session with a <see cref="SessionResult"/>; nothing throws out.
    /// </summary>
    /// <remarks>
    /// RAM: one token window (<see cref="Package2Reader.DefaultWindowBytes"/>), two write buffers
    /// (<see cref="SessionLimits.WriteBufferBytes"/>), one command (3 × 1 KiB argument buffers),
    /// allocated once. Not thread-safe: one session at a time, on one thread.
    /// </remarks>
    public sealed partial class DmClient
    {
        /// <summary>Store key of the "next session reports BootstrapComplete" mark.</summary>
        public const string BootstrapPendingKey = "session/bootstrap-pending";

        /// <summary>Store key prefix of the DEFAULT map: <c>default/&lt;MOID&gt;</c> → ServerURI (UTF-8).</summary>
        public const string DefaultKeyPrefix = "default/";

        private readonly ManagementTree _tree;
        private readonly RecordStore _store;
        private readonly IHttpTransport _transport;
        private readonly IClock _clock;
        private readonly AlertQueue _alerts;
        private readonly Utf8StringPool _pool = new Utf8StringPool();
        private readonly DmCommand _command;
        private readonly Package2Reader _reader;
        private readonly Package1Writer _p1;
        private readonly Package3Writer _p3;
        private readonly byte[] _repositoryBuffer = new byte[SessionLimits.WriteBufferBytes];
        private readonly HttpRequest[] _dmRequests = new HttpRequest[2];
        private readonly HttpRequest _repositoryRequest = new HttpRequest();
        private readonly ArrayList _postSessionWork = new ArrayList(); // of PostSessionWork

        // per-session state
        private string _currentUri;
        private IHttpExchange _p3Exchange;
        private int _nextRequest;
        private bool _ended;
        private bool _sessionRequested;
        private bool _running;

        /// <summary>Creates a client.</summary>
        /// <param name="tree">Loaded management tree (its store also holds the alert queue and DEFAULT map).</param>
        /// <param name="transport">HTTP binding.</param>
        /// <param name="clock">Clock for session time limits and notification freshness.</param>
        /// <param name="devId">DevID sent as OMADM-DevID.</param>
        public DmClient(ManagementTree tree, IHttpTransport transport, IClock clock, string devId)
        {
            if (tree == null || transport == null || clock == null)
            {
                throw new ArgumentNullException(tree == null ? "tree" : transport == null ? "transport" : "clock");
            }

            _tree = tree;
            _store = tree.Store;
            _transport = transport;
            _clock = clock;
            DevId = devId;
            _alerts = new AlertQueue(_store);
            _command = new DmCommand(_pool);
            _reader = new Package2Reader(new byte[Package2Reader.DefaultWindowBytes]);
            _p1 = new Package1Writer(new byte[SessionLimits.WriteBufferBytes]);
            _p3 = new Package3Writer(new byte[SessionLimits.WriteBufferBytes]);
            _dmRequests[0] = new HttpRequest();
            _dmRequests[1] = new HttpRequest();
        }

        /// <summary>DevID sent as OMADM-DevID.</summary>
        public string DevId { get; set; }

        /// <summary>The DM Account this client talks to; null until bootstrapped or set by the app.</summary>
        public DmAccount Account { get; set; }

        /// <summary>SHOW hand-off; null answers SHOW with 406.</summary>
        public IUserInteraction UserInteraction { get; set; }

        /// <summary>The persistent Generic Alert queue (sent in the next Package#1).</summary>
        public AlertQueue Alerts { get { return _alerts; } }

        /// <summary>The management tree the commands run against.</summary>
        public ManagementTree Tree { get { return _tree; } }

        /// <summary>True while a session runs.</summary>
        public bool IsRunning { get { return _running; } }

        /// <summary>True when a bootstrap happened and no server has accepted the BootstrapComplete Package#1 yet.</summary>
        public bool BootstrapPending { get { return _store.Contains(BootstrapPendingKey); } }

        /// <summary>
        /// True when app code asked for another session (e.g. work finished and its alert should go
        /// out now). The app's loop reads it and calls <see cref="Run()"/>; reading does not clear it.
        /// </summary>
        public bool SessionRequested { get { return _sessionRequested; } }

        /// <summary>Asks the app's loop for another client-initiated session as soon as possible.</summary>
        public void RequestSession()
        {
            _sessionRequested = true;
        }

        /// <summary>
        /// Queues work to run after the current session ends (or after the next one, when no session
        /// runs). Typical caller: an EXEC handler that answered 202.
        /// </summary>
        /// <param name="work">The work; runs once, on the session thread, after the final commit.</param>
        public void QueuePostSessionWork(PostSessionWork work)
        {
            if (work != null)
            {
                _postSessionWork.Add(work);
            }
        }

        /// <summary>Work items waiting for the end of a session.</summary>
        public int PendingPostSessionWork { get { return _postSessionWork.Count; } }

        /// <summary>Runs one client-initiated session (BootstrapComplete when a bootstrap is pending), then the post-session work.</summary>
        public SessionOutcome Run()
        {
            return Run(SessionTrigger.Client, null);
        }

        /// <summary>Runs one session, then the post-session work queued during it.</summary>
        /// <param name="trigger">Why the session starts.</param>
        /// <param name="notificationId">The notification id for <see cref="SessionTrigger.Notification"/>, else null.</param>
        public SessionOutcome Run(SessionTrigger trigger, string notificationId)
        {
            SessionOutcome outcome = new SessionOutcome();
            if (_running)
            {
                outcome.Result = SessionResult.NotConfigured;
                return outcome;
            }

            _running = true;
            _sessionRequested = false;
            try
            {
                RunSession(trigger, notificationId, outcome);
            }
            catch (Exception)
            {
                // a bug below must not take the device down: keep committed state, report it
                Abandon();
                outcome.Result = SessionResult.InternalError;
            }
            finally
            {
                _running = false;
            }

            RunPostSessionWork(outcome);
            return outcome;
        }

        private void RunPostSessionWork(SessionOutcome outcome)
        {
            // copy first: work may queue more work, which then waits for the next session
            int count = _postSessionWork.Count;
            if (count == 0)
            {
                return;
            }

            PostSessionWork[] work = new PostSessionWork[count];
            for (int i = 0; i < count; i++)
            {
                work[i] = (PostSessionWork)_postSessionWork[i];
            }

            _postSessionWork.Clear();
            for (int i = 0; i < count; i++)
            {
                try
                {
                    work[i](this, outcome);
                }
                catch (Exception)
                {
                    // the work owns its failures (FUMO records a result code); the loop goes on
                }
            }
        }

        private HttpRequest NextDmRequest(string uri, string contentType)
        {
            HttpRequest request = _dmRequests[_nextRequest];
            _nextRequest ^= 1;
            request.Method = "POST";
            request.Url = uri;
            request.ContentType = contentType;
            request.Accept = DmMediaTypes.Request;
            request.DevId = DevId;
            request.UserName = Account.UserName;
            request.Password = Account.Password;
            request.RangeStart = -1;
            request.IfRange = null;
            request.TimeoutMs = HttpRequest.DefaultTimeoutMs;
            request.AllowInsecure = Account.AllowInsecure || UrlRules.IsLoopback(uri);
            return request;
        }
    }
}
