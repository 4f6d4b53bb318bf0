using System;
using OmaDm.Nano.Objects;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Session
{
    public sealed partial class DmClient
    {
        private NotificationGuard _guard;
        private DmNotification _notification;

        /// <summary>
        /// Checks a DM Notification (Package#0) against this client's account and, when it is valid,
        /// runs the server-initiated session it asks for. Hostile or broken notifications are ignored
        /// (the result says why; no session, nothing sent).
        /// </summary>
        /// <param name="data">Package#0 bytes (e.g. one UDP datagram).</param>
        /// <param name="offset">Start of the package.</param>
        /// <param name="count">Package length.</param>
        /// <param name="outcome">The session's outcome when one ran, else null.</param>
        public NotificationResult HandleNotification(byte[] data, int offset, int count, out SessionOutcome outcome)
        {
            outcome = null;
            if (_guard == null)
            {
                _guard = new NotificationGuard(_store, _clock);
                _notification = new DmNotification();
            }

            if (_running)
            {
                return NotificationResult.Busy;
            }

            NotificationResult result = _guard.Check(data, offset, count, _notification, new DmAccount[] { Account });
            if (result == NotificationResult.Accepted)
            {
                outcome = Run(SessionTrigger.Notification, _notification.NotificationId.ToString());
            }

            return result;
        }

        /// <summary>
        /// Takes <see cref="Account"/> from the tree's first DM Account instance (DMAcc type must be
        /// registered and the tree loaded). Returns false when the tree has no usable account.
        /// </summary>
        public bool LoadAccount()
        {
            if (_tree.FindType(DmAccountMo.Moid) == null || _tree.InstanceCount(DmAccountMo.Moid) == 0)
            {
                return false;
            }

            DmAccountEntry entry = new DmAccountEntry(_tree.InstanceAt(DmAccountMo.Moid, 0));
            DmAccount account = new DmAccount();
            account.ServerId = entry.ServerId;
            account.ServerUri = entry.ServerUri;
            account.UserName = entry.UserName;
            account.Password = entry.Password;
            account.NotificationSecret = entry.NotificationSecret;
            account.AllowInsecure = entry.AllowInsecure;
            Account = account;
            return account.ServerUri != null;
        }

        /// <summary>
        /// Factory bootstrap: when the tree has no DM Account instance yet, creates one
        /// (<see cref="DmAccountMo.DefaultMiid"/>) from <paramref name="settings"/>, marks the next session as
        /// BootstrapComplete, commits, and makes it this client's <see cref="Account"/>.
        /// </summary>
        /// <param name="settings">Parsed settings file.</param>
        /// <returns>True when a bootstrap happened; false when an account existed, the DMAcc type is not registered,
        /// the server URI is not allowed (plain http off loopback without AllowInsecure), or storing failed.</returns>
        public bool Bootstrap(BootstrapSettings settings)
        {
            if (settings == null || _running || _tree.FindType(DmAccountMo.Moid) == null || _tree.InstanceCount(DmAccountMo.Moid) > 0)
            {
                return false;
            }

            if (!settings.ToAccount().IsUsable)
            {
                return false; // never store an account the secure-by-default rule would refuse to use
            }

            try
            {
                DmAccountMo.Create(_tree, DmAccountMo.DefaultMiid, settings.ServerId, settings.ServerUri,
                    settings.UserName, settings.Password, settings.NotificationSecret, settings.AllowInsecure);
            }
            catch (ArgumentException)
            {
                _store.Rollback();
                _tree.Reload();
                return false;
            }

            _store.Put(BootstrapPendingKey, new byte[] { 1 });
            if (_tree.Commit() != StoreResult.Success)
            {
                _store.Rollback();
                _tree.Reload();
                return false;
            }

            if (settings.DevId != null && settings.DevId.Length > 0)
            {
                DevId = settings.DevId;
            }

            return LoadAccount();
        }
    }
}
