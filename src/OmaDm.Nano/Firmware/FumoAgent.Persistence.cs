using System.Text;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Firmware
{
    public sealed partial class FumoAgent
    {
        /// <summary>Swaps tried for one update: one retry covers a reset between the state commit and the swap request.</summary>
        public const int MaxSwapAttempts = 2;

        private int _swapAttempts;

        private void LoadState()
        {
            long value;
            _state = TryGetLong("state", out value) && IsState(value) ? (FumoState)(int)value : FumoState.Idle;
            _operation = TryGetLong("op", out value) && value >= 0 && value <= 3 ? (FumoOperation)(int)value : FumoOperation.None;
            _lastResult = TryGetLong("result", out value) ? (int)value : 0;
            _swapAttempts = TryGetLong("swaps", out value) ? (int)value : 0;
            _reverting = TryGetLong("reverting", out value) && value == 1;
            _correlator = GetText("corr");
            _targetUri = GetText("target");
            _sourceUri = GetText("source");
            _targetHash = _store.Get(_prefix + "thash");
            _job = new DownloadJob();
            _job.Url = GetText("url");
            _job.TotalLength = TryGetLong("total", out value) ? (int)value : -1;
            _job.Header = _store.Get(_prefix + "header");
            _job.ETag = GetText("etag");
            _job.ExpectedSize = TryGetLong("expsize", out value) ? value : -1;
            _job.ExpectedSha256 = _store.Get(_prefix + "expsha");
            _job.AllowPlainHttp = TryGetLong("plain", out value) && value == 1;
            _job.AllowInsecureTls = TryGetLong("insecure", out value) && value == 1;
        }

        /// <summary>Stages everything FUMO keeps; the caller (or the session) commits.</summary>
        private void StageState()
        {
            PutText("state", ((int)_state).ToString());
            PutText("op", ((int)_operation).ToString());
            PutText("result", _lastResult.ToString());
            PutText("swaps", _swapAttempts.ToString());
            PutText("reverting", _reverting ? "1" : "0");
            PutText("corr", _correlator);
            PutText("target", _targetUri);
            PutText("source", _sourceUri);
            PutBytes("thash", _targetHash);
            PutText("url", _job.Url);
            PutText("total", _job.TotalLength.ToString());
            PutBytes("header", _job.Header);
            PutText("etag", _job.ETag);
            PutText("expsize", _job.ExpectedSize.ToString());
            PutBytes("expsha", _job.ExpectedSha256);
            PutText("plain", _job.AllowPlainHttp ? "1" : "0");
            PutText("insecure", _job.AllowInsecureTls ? "1" : "0");
            if (_instance != null)
            {
                // State, Progress and LastResult come from getters: cached GETs must see them change.
                _instance.MarkChanged();
            }
        }

        /// <summary>One state transition: stage and commit. False when the store refused (state on flash unchanged).</summary>
        private bool CommitState()
        {
            StageState();
            return _store.Commit() == StoreResult.Success;
        }

        private void OnCheckpoint(DownloadJob job)
        {
            if (_inSink)
            {
                // HGET into PkgData runs inside a session, which commits at the end of its package.
                return;
            }

            CommitState();
        }

        private string GetText(string key)
        {
            byte[] bytes = _store.Get(_prefix + key);
            return bytes == null ? null : new string(Encoding.UTF8.GetChars(bytes));
        }

        private bool TryGetLong(string key, out long value)
        {
            value = 0;
            string text = GetText(key);
            if (text == null || text.Length == 0 || text.Length > 19)
            {
                return false;
            }

            bool negative = text[0] == '-';
            for (int i = negative ? 1 : 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            if (negative)
            {
                value = -value;
            }

            return true;
        }

        private void PutText(string key, string value)
        {
            PutBytes(key, value == null ? null : Encoding.UTF8.GetBytes(value));
        }

        private void PutBytes(string key, byte[] value)
        {
            if (value == null)
            {
                if (_store.Contains(_prefix + key))
                {
                    _store.Remove(_prefix + key);
                }
            }
            else
            {
                _store.Put(_prefix + key, value);
            }
        }

        private static bool IsState(long value)
        {
            return value >= 10 && value <= 100 && value % 10 == 0;
        }
    }
}
