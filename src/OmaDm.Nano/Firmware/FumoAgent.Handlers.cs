using System.Text;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Firmware
{
    public sealed partial class FumoAgent
    {
        private const int StatusOk = 200;
        private const int StatusAccepted = 202;
        private const int StatusBadRequest = 400;
        private const int StatusNotAllowed = 405;
        private const int StatusTooLarge = 413;
        private const int StatusDeviceError = 500;

        private bool _inSink;

        /// <summary>True while an operation runs or waits: a second one is refused (405) until it ends.</summary>
        private bool IsBusy
        {
            get
            {
                if (_operation != FumoOperation.None || _state == FumoState.DownloadProgressing || _state == FumoState.UpdateProgressing)
                {
                    return true;
                }

                // IFU schedules the test swap as soon as an image verifies, so TestPending is normal at
                // state 50; anything else not Confirmed means a swap or a test run is under way.
                SlotStatus status = _slot.Status;
                return status != SlotStatus.Confirmed && !(status == SlotStatus.TestPending && _state == FumoState.ReadyToUpdate);
            }
        }

        private int OnExec(ExecRequest request)
        {
            FumoOperation operation = request.Path == "Download" ? FumoOperation.Download
                : request.Path == "Update" ? FumoOperation.Update
                : request.Path == "DownloadAndUpdate" ? FumoOperation.DownloadAndUpdate
                : FumoOperation.None;
            if (operation == FumoOperation.None || IsBusy)
            {
                return StatusNotAllowed;
            }

            if (operation == FumoOperation.Update && _state != FumoState.ReadyToUpdate)
            {
                // Nothing verified in the slot to swap in.
                return StatusNotAllowed;
            }

            if (operation != FumoOperation.Update)
            {
                PrepareJob(_instance.GetText(operation == FumoOperation.Download ? "Download/PkgURL" : "DownloadAndUpdate/PkgURL"));
            }

            _operation = operation;
            _correlator = request.Correlator;
            _targetUri = request.ServerUri == null || request.ServerUri.Length == 0 ? null : request.ServerUri;
            _sourceUri = request.Uri.Format();
            _reverting = false;
            _swapAttempts = 0;
            _targetHash = null;
            // Staged only: the session commits it with the rest of this Package#2, before the 202 goes out.
            StageState();
            if (WorkScheduler != null)
            {
                WorkScheduler();
            }

            return StatusAccepted;
        }

        /// <summary>A new job, unless this is the same package whose download failed: then the slot's data is resumed.</summary>
        private void PrepareJob(string url)
        {
            long expectedSize;
            if (!_instance.TryGetInt64("Ext/ExpectedSize", out expectedSize))
            {
                expectedSize = -1;
            }

            byte[] expectedSha = ParseHex(_instance.GetText("Ext/ExpectedSha256"));
            bool resume = url != null && url == _job.Url && _state == FumoState.DownloadFailed
                && expectedSize == _job.ExpectedSize && SameOrBothNull(expectedSha, _job.ExpectedSha256);
            if (!resume)
            {
                _job = new DownloadJob();
                _job.Url = url;
                _job.ExpectedSize = expectedSize;
                _job.ExpectedSha256 = expectedSha;
            }

            _job.AllowPlainHttp = AllowPlainHttp;
            _job.AllowInsecureTls = AllowInsecureTls;
        }

        private int OnPkgData(StreamSinkRequest request)
        {
            if (IsBusy)
            {
                return StatusNotAllowed;
            }

            PrepareJob(null);
            _inSink = true;
            int code;
            try
            {
                code = _downloader.StoreBody(request.Body, request.Length, _job);
            }
            finally
            {
                _inSink = false;
            }

            _lastResult = code;
            _state = code == FumoResultCode.Success ? FumoState.ReadyToUpdate : FumoState.DownloadFailed;
            StageState();
            switch (code)
            {
                case FumoResultCode.Success:
                    return StatusOk;
                case FumoResultCode.DownloadOutOfMemory:
                    return StatusTooLarge;
                case FumoResultCode.NetworkFailed:
                case FumoResultCode.RequestTimeout:
                case FumoResultCode.UndefinedError:
                    return StatusDeviceError;
                default:
                    return StatusBadRequest;
            }
        }

        private byte[] OnGet(MoInstance instance, string path)
        {
            int value;
            if (path == "State")
            {
                value = (int)_state;
            }
            else if (path == "Ext/LastResult")
            {
                value = _lastResult;
            }
            else if (path == "Ext/Progress")
            {
                value = Progress();
            }
            else
            {
                return null;
            }

            return Encoding.UTF8.GetBytes(value.ToString());
        }

        /// <summary>Percent of the image stored: from the job while downloading, 100 once verified.</summary>
        private int Progress()
        {
            if (_state == FumoState.ReadyToUpdate || _state == FumoState.UpdateProgressing
                || _state == FumoState.UpdateSuccessfulHaveData || _state == FumoState.UpdateSuccessfulNoData)
            {
                return 100;
            }

            if (_job.TotalLength <= 0 || _job.BytesStored <= 0)
            {
                return 0;
            }

            return (int)((long)_job.BytesStored * 100 / _job.TotalLength);
        }

        private int OnSetExpected(MoInstance instance, string path, byte[] value)
        {
            if (path == "Ext/ExpectedSha256")
            {
                return value.Length == 0 || ParseHex(new string(Encoding.UTF8.GetChars(value))) != null ? StatusOk : StatusBadRequest;
            }

            // ExpectedSize: the tree validated an integer; a negative size is meaningless.
            return value.Length > 0 && value[0] == (byte)'-' ? StatusBadRequest : StatusOk;
        }

        /// <summary>64 hex digits to 32 bytes; null for anything else.</summary>
        private static byte[] ParseHex(string text)
        {
            if (text == null || text.Length != McuBootTlv.Sha256Bytes * 2)
            {
                return null;
            }

            byte[] bytes = new byte[McuBootTlv.Sha256Bytes];
            for (int i = 0; i < bytes.Length; i++)
            {
                int high = HexValue(text[2 * i]);
                int low = HexValue(text[(2 * i) + 1]);
                if (high < 0 || low < 0)
                {
                    return null;
                }

                bytes[i] = (byte)((high << 4) | low);
            }

            return bytes;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        }

        private static bool SameOrBothNull(byte[] a, byte[] b)
        {
            if (a == null || b == null)
            {
                return a == b;
            }

            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
