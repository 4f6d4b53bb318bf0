using System;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Firmware
{
    /// <summary>
    /// Streams a package from a data repository into the firmware slot through one fixed
    /// <see cref="ChunkBytes"/> buffer, resuming with <c>Range</c>/<c>If-Range</c> after drops and
    /// resets, and ends with the slot's verification. Returns a FUMO result code
    /// (<see cref="FumoResultCode"/>): 200 once the image is stored and verified.
    /// </summary>
    /// <remarks>
    /// Transient failures (connection lost or refused, timeouts, HTTP 5xx/408/429, truncated
    /// bodies) are retried with exponential backoff (<see cref="IClock.Sleep"/>) up to
    /// <see cref="MaxAttempts"/> tries in a row without progress; then the slot is paused, not
    /// erased, so a later attempt resumes. Failures that mean the image is bad or unreachable
    /// (bad URL, too large, not an MCUboot image, device mismatch, hash or signature failure)
    /// erase the slot, so nothing ever resumes a bad image. RAM: the 4 KiB buffer, a 32-byte
    /// header copy and one request object, allocated once; the image size does not matter.
    /// Not thread-safe. Exceptions other than <see cref="System.IO.IOException"/> from the body
    /// stream are not caught (a simulated power cut must stop everything, as on a board).
    /// </remarks>
    public sealed partial class FirmwareDownloader
    {
        /// <summary>The one buffer, in bytes: what a download costs in RAM, and IFU's default chunk.</summary>
        public const int ChunkBytes = 4096;

        /// <summary>Default tries in a row without progress before giving up (the slot keeps what it has).</summary>
        public const int DefaultMaxAttempts = 5;

        /// <summary>First backoff: long enough for a Wi-Fi reconnect.</summary>
        public const int DefaultInitialBackoffMs = 1000;

        /// <summary>Backoff cap: a minute keeps a device responsive to a server that comes back.</summary>
        public const int DefaultMaxBackoffMs = 60000;

        private const int StepStored = 0;
        private const int StepRetry = -1;

        private readonly IHttpTransport _transport;
        private readonly IFirmwareSlot _slot;
        private readonly IClock _clock;
        private readonly byte[] _buffer = new byte[ChunkBytes];
        private readonly byte[] _hash = new byte[McuBootTlv.Sha256Bytes];
        private readonly HttpRequest _request = new HttpRequest();
        private int _maxAttempts = DefaultMaxAttempts;
        private int _initialBackoffMs = DefaultInitialBackoffMs;
        private int _maxBackoffMs = DefaultMaxBackoffMs;
        private int _timeoutMs = HttpRequest.DefaultTimeoutMs;
        private int _transientCode;
        private bool _progress;
        private int _highWater;

        /// <summary>Creates a downloader for one slot.</summary>
        /// <param name="transport">HTTP binding.</param>
        /// <param name="slot">Firmware slot to stage into.</param>
        /// <param name="clock">Clock for backoff sleeps and timeout classification.</param>
        public FirmwareDownloader(IHttpTransport transport, IFirmwareSlot slot, IClock clock)
        {
            if (transport == null || slot == null || clock == null)
            {
                throw new ArgumentNullException(transport == null ? "transport" : slot == null ? "slot" : "clock");
            }

            _transport = transport;
            _slot = slot;
            _clock = clock;
        }

        /// <summary>Tries in a row without progress before the download fails (1..100).</summary>
        public int MaxAttempts
        {
            get { return _maxAttempts; }
            set { _maxAttempts = Check(value, 1, 100, "value"); }
        }

        /// <summary>First backoff in milliseconds (0..600000); doubles per failed try up to <see cref="MaxBackoffMs"/>.</summary>
        public int InitialBackoffMs
        {
            get { return _initialBackoffMs; }
            set { _initialBackoffMs = Check(value, 0, 600000, "value"); }
        }

        /// <summary>Backoff cap in milliseconds (0..3600000).</summary>
        public int MaxBackoffMs
        {
            get { return _maxBackoffMs; }
            set { _maxBackoffMs = Check(value, 0, 3600000, "value"); }
        }

        /// <summary>Per-request timeout in milliseconds (connect, headers, each body read; 100..600000).</summary>
        public int TimeoutMs
        {
            get { return _timeoutMs; }
            set { _timeoutMs = Check(value, 100, 600000, "value"); }
        }

        /// <summary>The app's device-match check on the image header, or null to accept every image.</summary>
        public FirmwareMatch Match { get; set; }

        /// <summary>Called when the job learnt what a resume needs; the owner persists it. May be null.</summary>
        public DownloadCheckpoint Checkpoint { get; set; }

        /// <summary>Requests sent by the last <see cref="Run"/>.</summary>
        public int Requests { get; private set; }

        /// <summary>Body bytes stored into the slot by the last <see cref="Run"/> (a resume's cost).</summary>
        public long BytesStored { get; private set; }

        /// <summary>HTTP status of the last response, or 0.</summary>
        public int LastHttpStatus { get; private set; }

        /// <summary>Last slot result that was not Success (diagnostics), or Success.</summary>
        public SlotResult LastSlotResult { get; private set; }

        /// <summary>
        /// Downloads <paramref name="job"/> into the slot, resuming what the slot already holds for
        /// it, and verifies it. Returns 200 or a FUMO failure code.
        /// </summary>
        /// <param name="job">The download; updated with what is learnt (persist it at checkpoints).</param>
        public int Run(DownloadJob job)
        {
            Requests = 0;
            BytesStored = 0;
            LastHttpStatus = 0;
            LastSlotResult = SlotResult.Success;
            if (job == null || !UrlRules.IsAllowed(job.Url, job.AllowPlainHttp))
            {
                return Fail(job, FumoResultCode.BadUrl, true);
            }

            int failures = 0;
            int backoff = _initialBackoffMs;
            _highWater = 0;
            while (true)
            {
                _progress = false;
                _transientCode = FumoResultCode.NetworkFailed;
                int step = TryOnce(job);
                if (step == StepStored)
                {
                    step = Verify(job);
                    if (step != StepRetry)
                    {
                        return step == FumoResultCode.Success ? step : Fail(job, step, true);
                    }
                }
                else if (step != StepRetry)
                {
                    return Fail(job, step, EraseOn(step));
                }

                if (_progress)
                {
                    failures = 0;
                    backoff = _initialBackoffMs;
                }
                else if (++failures >= _maxAttempts)
                {
                    return Fail(job, _transientCode, false);
                }

                _clock.Sleep(backoff);
                backoff = backoff > _maxBackoffMs / 2 ? _maxBackoffMs : backoff * 2;
            }
        }

        private int Verify(DownloadJob job)
        {
            SlotResult result = _slot.Complete();
            if (result == SlotResult.Success)
            {
                if (job.ExpectedSha256 != null
                    && (!_slot.TryGetImageHash(SlotId.Secondary, _hash) || !SameBytes(_hash, job.ExpectedSha256)))
                {
                    return FumoResultCode.ValidationFailed;
                }

                return FumoResultCode.Success;
            }

            LastSlotResult = result;
            switch (result)
            {
                case SlotResult.Incomplete:
                case SlotResult.NoSession:
                    return StepRetry;
                case SlotResult.BadSignature:
                    return FumoResultCode.ValidationFailed;
                case SlotResult.FlashError:
                    return FumoResultCode.UndefinedError;
                default:
                    return FumoResultCode.CorruptedPackage;
            }
        }

        /// <summary>Ends the run: erase (a bad image) or pause (a network failure: resume later).</summary>
        private int Fail(DownloadJob job, int code, bool erase)
        {
            if (erase)
            {
                if (_slot.NextOffset >= 0)
                {
                    _slot.Abort(true);
                }
                else
                {
                    _slot.EraseSecondary();
                }

                if (job != null)
                {
                    job.ForgetImage();
                }
            }
            else if (_slot.NextOffset >= 0)
            {
                _slot.Abort(false);
            }

            return code;
        }

        /// <summary>Network-type failures keep the data for a resume; everything else erases.</summary>
        private static bool EraseOn(int code)
        {
            return code != FumoResultCode.NetworkFailed && code != FumoResultCode.RequestTimeout
                && code != FumoResultCode.ServerError && code != FumoResultCode.AuthenticationFailed;
        }

        private static bool SameBytes(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            int diff = 0;
            for (int i = 0; i < a.Length; i++)
            {
                diff |= a[i] ^ b[i];
            }

            return diff == 0;
        }

        private static int Check(int value, int min, int max, string name)
        {
            if (value < min || value > max)
            {
                throw new ArgumentOutOfRangeException(name);
            }

            return value;
        }
    }
}
