using System;
using System.IO;
using System.Text;
using OmaDm.Nano.Addressing;
using OmaDm.Nano.Platform;
using OmaDm.Nano.Protocol;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Session
{
    public sealed partial class DmClient
    {
        /// <summary>Alert type reported when an EXEC that had to be asynchronous finished synchronously (docs/PROTOCOL.md §3.3).</summary>
        public const string ExecCompleteAlertType = "urn:oma:at:dm:2.0:ExecComplete";

        /// <summary>Parsed ClientURIs kept by argument string: a server repeating a URI costs one parse.</summary>
        private const int UriCacheSlots = 4;

        private readonly string[] _uriKeys = new string[UriCacheSlots];
        private readonly ClientUri[] _uriValues = new ClientUri[UriCacheSlots];
        private int _uriNext;

        /// <summary>
        /// <see cref="ClientUri.TryParse"/> with a small cache keyed by string identity: arguments come
        /// from the <see cref="Utf8StringPool"/>, so a repeated URI is the same string instance.
        /// </summary>
        private bool TryParseUri(string text, out ClientUri uri, out int status)
        {
            for (int i = 0; i < UriCacheSlots; i++)
            {
                if (text != null && (object)_uriKeys[i] == (object)text)
                {
                    uri = _uriValues[i];
                    status = DmStatus.Ok;
                    return true;
                }
            }

            if (!ClientUri.TryParse(text, out uri, out status))
            {
                return false;
            }

            _uriKeys[_uriNext] = text;
            _uriValues[_uriNext] = uri;
            _uriNext = (_uriNext + 1) % UriCacheSlots;
            return true;
        }

        /// <summary>Runs one command and writes its status. False only when the Package#3 could not be opened or written.</summary>
        private bool RunCommand(DmCommand command)
        {
            if (command.Type == DmCommandType.End)
            {
                // END ends the session whatever its array holds after the name (odd or oversize arguments)
                _ended = true;
                return true;
            }

            if (command.SyntaxStatus != 0)
            {
                return WriteStatus(command.SyntaxStatus);
            }

            if (command.Type == DmCommandType.Get)
            {
                return RunGet(command);
            }

            int status;
            string createdUri = null;
            try
            {
                status = Dispatch(command, out createdUri);
            }
            catch (Exception)
            {
                // a handler or the tree failed on this command only: answer it and go on
                status = DmStatus.DeviceError;
            }

            if (createdUri != null && status == DmStatus.Ok)
            {
                if (_ended)
                {
                    return true;
                }

                if (!EnsurePackage3())
                {
                    return false;
                }

                _p3.WriteStatus(status, createdUri);
                return true;
            }

            return WriteStatus(status);
        }

        private bool WriteStatus(int status)
        {
            if (_ended)
            {
                return true; // after END the rest of the package runs but nothing is sent
            }

            if (!EnsurePackage3())
            {
                return false;
            }

            try
            {
                _p3.WriteStatus(status);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }

        private bool RunGet(DmCommand command)
        {
            if (_ended)
            {
                return true; // GET has no effect; after END there is nobody to read the answer
            }

            ClientUri uri;
            int status;
            if (!TryParseUri(command.Argument(0), out uri, out status))
            {
                return WriteStatus(status);
            }

            if (!EnsurePackage3())
            {
                return false;
            }

            try
            {
                _tree.WriteGetStatus(uri, Account.ServerId, _p3.Json);
                _p3.CountExternalStatus();
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }

        private int Dispatch(DmCommand command, out string createdUri)
        {
            createdUri = null;
            switch (command.Type)
            {
                case DmCommandType.Delete: return RunDelete(command);
                case DmCommandType.Exec: return RunExec(command);
                case DmCommandType.HGet: return RunHGet(command, out createdUri);
                case DmCommandType.HPut: return RunHPut(command, "PUT");
                case DmCommandType.HPost: return RunHPut(command, "POST");
                case DmCommandType.Show: return RunShow(command);
                case DmCommandType.Cont: return RunCont(command);
                case DmCommandType.Default: return RunDefault(command);
                default: return DmStatus.NotImplemented;
            }
        }

        private int RunDelete(DmCommand command)
        {
            ClientUri uri;
            int status;
            if (!TryParseUri(command.Argument(0), out uri, out status))
            {
                return status;
            }

            return _tree.Delete(uri, Account.ServerId);
        }

        private int RunExec(DmCommand command)
        {
            ClientUri uri;
            int status;
            if (!TryParseUri(command.Argument(0), out uri, out status))
            {
                return status;
            }

            string serverUri = command.Argument(1);
            if (serverUri != null && serverUri.Length > 0 && !UrlRules.IsHttpUrl(serverUri))
            {
                return DmStatus.BadRequest;
            }

            string correlator = command.Argument(2);
            ExecRequest request = new ExecRequest(serverUri, correlator);
            status = _tree.Exec(uri, Account.ServerId, request);
            if (serverUri != null && status == DmStatus.Ok)
            {
                // EXEC with a ServerURI must be asynchronous: the handler finished at once, so the
                // result goes out as a Generic Alert in the next session, like any async result
                GenericAlert alert = new GenericAlert();
                alert.AlertType = ExecCompleteAlertType;
                alert.SourceUri = ClientUri.Format(uri.Moid, request.Instance != null ? request.Instance.Miid : uri.Miid, uri.Path);
                alert.TargetUri = serverUri.Length > 0 ? serverUri : null;
                alert.DataType = "int";
                alert.Data = "200";
                alert.Correlator = correlator;
                _alerts.Stage(alert);
                status = DmStatus.Accepted;
            }

            return status;
        }

        private int RunShow(DmCommand command)
        {
            string url = command.Argument(0);
            if (!UrlRules.IsHttpUrl(url))
            {
                return DmStatus.BadRequest;
            }

            IUserInteraction ui = UserInteraction;
            if (ui == null)
            {
                return DmStatus.NotAcceptable;
            }

            return ui.Show(url);
        }

        private int RunCont(DmCommand command)
        {
            string uri = command.Argument(0);
            if (!UrlRules.IsHttpUrl(uri))
            {
                return DmStatus.BadRequest;
            }

            if (!UrlRules.IsHttps(uri) && !UrlRules.SameOrigin(uri, Account.ServerUri))
            {
                return DmStatus.BadRequest; // plain http only back to the account's own server
            }

            _currentUri = uri;
            return DmStatus.Ok;
        }

        private int RunDefault(DmCommand command)
        {
            string moid = command.Argument(0);
            string serverUri = command.Argument(1);
            if (moid == null || !(StartsWith(moid, "urn:oma:") || StartsWith(moid, "oma:")) || !UrlRules.IsHttpUrl(serverUri))
            {
                return DmStatus.BadRequest;
            }

            _store.Put(DefaultKeyPrefix + ClientUri.NormalizeMoid(moid), Encoding.UTF8.GetBytes(serverUri));
            return DmStatus.Ok;
        }

        private static bool StartsWith(string text, string prefix)
        {
            if (text.Length < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (text[i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
