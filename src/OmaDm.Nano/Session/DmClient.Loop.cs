using System.IO;
using OmaDm.Nano.Platform;
using OmaDm.Nano.Protocol;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Session
{
    public sealed partial class DmClient
    {
        private const int PackageContinue = 0;
        private const int PackageEnded = 1;
        private const int PackageAborted = 2;

        private void RunSession(SessionTrigger trigger, string notificationId, SessionOutcome outcome)
        {
            if (Account == null || !Account.IsUsable)
            {
                outcome.Result = SessionResult.NotConfigured;
                return;
            }

            long started = _clock.UptimeMs;
            _currentUri = Account.ServerUri;
            _ended = false;
            _p3Exchange = null;
            outcome.LastUri = _currentUri;

            bool bootstrap = trigger == SessionTrigger.Client && BootstrapPending;
            _alerts.TakeBatch(SessionLimits.MaxAlertsPerPackage);
            IHttpExchange exchange = _transport.Open(NextDmRequest(_currentUri, DmMediaTypes.Initiation));
            try
            {
                _p1.Begin(exchange.RequestBody);
                _tree.WriteMos(_p1.Json);
                _p1.BeginAlerts();
                if (trigger == SessionTrigger.Notification)
                {
                    _p1.WriteSessionAlert(DmAlertTypes.ServerInitiated, notificationId);
                }
                else
                {
                    _p1.WriteSessionAlert(bootstrap ? DmAlertTypes.BootstrapComplete : DmAlertTypes.ClientInitiated, null);
                }

                for (int i = 0; i < _alerts.BatchCount; i++)
                {
                    _p1.WriteAlert(_alerts.BatchItem(i));
                }

                _p1.End();
            }
            catch (IOException)
            {
                _alerts.ReleaseBatch();
                exchange.Dispose();
                Fail(outcome, SessionResult.TransportFailed, TransportResult.RequestTooLarge);
                return;
            }

            if (!Exchange(exchange, outcome))
            {
                _alerts.ReleaseBatch();
                exchange.Dispose();
                return;
            }

            // the server accepted Package#1: its alerts are delivered, the bootstrap is reported
            outcome.AlertsDelivered = _alerts.BatchCount;
            _alerts.RemoveBatch();
            if (bootstrap)
            {
                _store.Remove(BootstrapPendingKey);
            }

            if (_tree.Commit() != StoreResult.Success)
            {
                exchange.Dispose();
                outcome.Result = SessionResult.StorageFailed;
                return;
            }

            while (true)
            {
                outcome.Packages++;
                if (outcome.Packages > SessionLimits.MaxPackagesPerSession)
                {
                    exchange.Dispose();
                    outcome.Result = SessionResult.TooManyPackages;
                    return;
                }

                int state = RunPackage(exchange, outcome);
                exchange.Dispose();
                if (state == PackageAborted)
                {
                    Abandon();
                    return;
                }

                if (_tree.Commit() != StoreResult.Success)
                {
                    Abandon();
                    outcome.Result = SessionResult.StorageFailed;
                    return;
                }

                if (state == PackageEnded)
                {
                    if (_p3Exchange != null)
                    {
                        _p3.Abandon();
                        _p3Exchange.Dispose(); // never sent: nothing goes out after END
                        _p3Exchange = null;
                    }

                    outcome.Result = SessionResult.Completed;
                    return;
                }

                if (_clock.UptimeMs - started > SessionLimits.MaxSessionMs)
                {
                    Abandon();
                    outcome.Result = SessionResult.Timeout;
                    return;
                }

                if (!EnsurePackage3())
                {
                    Abandon();
                    Fail(outcome, SessionResult.TransportFailed, TransportResult.ConnectionLost);
                    return;
                }

                exchange = _p3Exchange;
                _p3Exchange = null;
                try
                {
                    _p3.End();
                }
                catch (IOException)
                {
                    _p3.Abandon();
                    exchange.Dispose();
                    Fail(outcome, SessionResult.TransportFailed, TransportResult.RequestTooLarge);
                    return;
                }

                outcome.LastUri = _currentUri;
                if (!Exchange(exchange, outcome))
                {
                    exchange.Dispose();
                    return;
                }
            }
        }

        /// <summary>Sends a DM package and checks the answer is a Package#2; on false the outcome says why.</summary>
        private bool Exchange(IHttpExchange exchange, SessionOutcome outcome)
        {
            TransportResult sent = exchange.Send();
            if (sent != TransportResult.Success)
            {
                Fail(outcome, SessionResult.TransportFailed, sent);
                return false;
            }

            outcome.HttpStatus = exchange.StatusCode;
            if (exchange.StatusCode != 200)
            {
                outcome.Result = SessionResult.HttpError;
                return false;
            }

            if (!DmMediaTypes.Matches(exchange.ContentType, DmMediaTypes.Request))
            {
                outcome.Result = SessionResult.BadMediaType;
                return false;
            }

            if (exchange.ContentLength > SessionLimits.MaxPackage2Bytes)
            {
                outcome.Result = SessionResult.PackageTooLarge;
                return false;
            }

            return true;
        }

        /// <summary>Reads and runs one Package#2, streaming statuses into the next Package#3.</summary>
        private int RunPackage(IHttpExchange exchange, SessionOutcome outcome)
        {
            _reader.Start(exchange.ResponseBody, SessionLimits.MaxPackage2Bytes, SessionLimits.MaxCommandsPerPackage);
            while (true)
            {
                Package2ReadResult read = _reader.ReadNext(_command);
                if (read == Package2ReadResult.EndOfPackage)
                {
                    return _ended ? PackageEnded : PackageContinue;
                }

                if (read != Package2ReadResult.Command)
                {
                    outcome.JsonError = _reader.LastError;
                    outcome.ErrorOffset = _reader.ErrorOffset;
                    outcome.Result = read == Package2ReadResult.TooLarge ? SessionResult.PackageTooLarge
                        : read == Package2ReadResult.TooManyCommands ? SessionResult.TooManyCommands
                        : read == Package2ReadResult.ReadFailed ? SessionResult.TransportFailed
                        : SessionResult.MalformedPackage;
                    if (read == Package2ReadResult.ReadFailed)
                    {
                        outcome.Transport = TransportResult.ConnectionLost;
                    }

                    return PackageAborted;
                }

                outcome.Commands++;
                if (!RunCommand(_command))
                {
                    Fail(outcome, SessionResult.TransportFailed, TransportResult.ConnectionLost);
                    return PackageAborted;
                }
            }
        }

        /// <summary>
        /// Opens the Package#3 exchange to the current URI on first use, so a CONT that is the first
        /// command of its package already redirects the Package#3 that answers it.
        /// </summary>
        private bool EnsurePackage3()
        {
            if (_p3Exchange != null)
            {
                return true;
            }

            _p3Exchange = _transport.Open(NextDmRequest(_currentUri, DmMediaTypes.Response));
            try
            {
                _p3.Begin(_p3Exchange.RequestBody);
                return true;
            }
            catch (IOException)
            {
                _p3Exchange.Dispose();
                _p3Exchange = null;
                return false;
            }
        }

        /// <summary>Drops the open Package#3 and every change staged since the last commit.</summary>
        private void Abandon()
        {
            if (_p3Exchange != null)
            {
                _p3.Abandon();
                _p3Exchange.Dispose();
                _p3Exchange = null;
            }

            _alerts.ReleaseBatch();
            _store.Rollback();
            _tree.Reload();
        }

        private static void Fail(SessionOutcome outcome, SessionResult result, TransportResult transport)
        {
            outcome.Result = result;
            outcome.Transport = transport;
        }
    }
}
