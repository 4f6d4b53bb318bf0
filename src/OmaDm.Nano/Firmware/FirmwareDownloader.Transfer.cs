using System.IO;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Firmware
{
    public sealed partial class FirmwareDownloader
    {
        /// <summary>One request: returns <see cref="StepStored"/>, <see cref="StepRetry"/> or a final failure code.</summary>
        private int TryOnce(DownloadJob job)
        {
            int opened = OpenSlotSession(job);
            if (opened != StepStored)
            {
                return opened;
            }

            int offset = _slot.NextOffset < 0 ? 0 : _slot.NextOffset;
            if (offset > 0 && offset >= job.TotalLength)
            {
                return StepStored;
            }

            _request.Method = "GET";
            _request.Url = job.Url;
            _request.ContentType = null;
            _request.Accept = null;
            _request.DevId = null;
            _request.UserName = null;
            _request.Password = null;
            _request.RangeStart = offset > 0 ? offset : -1;
            _request.IfRange = offset > 0 ? job.ETag : null;
            _request.TimeoutMs = _timeoutMs;
            _request.AllowInsecure = job.AllowInsecureTls || UrlRules.IsLoopback(job.Url);

            Requests++;
            IHttpExchange exchange = _transport.Open(_request);
            try
            {
                return Exchange(exchange, job, offset);
            }
            finally
            {
                exchange.Dispose();
            }
        }

        /// <summary>Resumes the slot session the job left, or leaves none open (a fresh start follows the response).</summary>
        private int OpenSlotSession(DownloadJob job)
        {
            if (_slot.NextOffset >= 0 || job.Header == null || job.TotalLength <= 0)
            {
                return StepStored;
            }

            SlotResult resumed = _slot.Resume(job.TotalLength, job.Header);
            if (resumed == SlotResult.Success)
            {
                job.BytesStored = _slot.NextOffset;
                return StepStored;
            }

            LastSlotResult = resumed;
            if (resumed == SlotResult.NoImage || resumed == SlotResult.HeaderMismatch)
            {
                job.ForgetImage();
                return StepStored;
            }

            return MapSlotFailure(resumed);
        }

        private int Exchange(IHttpExchange exchange, DownloadJob job, int offset)
        {
            TransportResult sent = exchange.Send();
            if (sent != TransportResult.Success)
            {
                switch (sent)
                {
                    case TransportResult.TlsFailed:
                        return FumoResultCode.AuthenticationFailed;
                    case TransportResult.BadRequest:
                        return FumoResultCode.BadUrl;
                    case TransportResult.Timeout:
                        _transientCode = FumoResultCode.RequestTimeout;
                        return StepRetry;
                    default:
                        return StepRetry;
                }
            }

            int status = exchange.StatusCode;
            LastHttpStatus = status;
            if (status == 206 && offset > 0)
            {
                return ContinueRange(exchange, job, offset);
            }

            if (status == 200)
            {
                return StartFromZero(exchange, job);
            }

            return MapHttpFailure(status, job);
        }

        /// <summary>A 206 for our Range: it must be exactly the rest of the same image.</summary>
        private int ContinueRange(IHttpExchange exchange, DownloadJob job, int offset)
        {
            int remaining = job.TotalLength - offset;
            if (exchange.RangeStart != offset || (exchange.RangeTotal >= 0 && exchange.RangeTotal != job.TotalLength))
            {
                // Another range or another length: the resource is not what the slot holds. Start over.
                Restart(job);
                _transientCode = FumoResultCode.ServerError;
                return StepRetry;
            }

            if (exchange.ContentLength >= 0 && exchange.ContentLength != remaining)
            {
                _transientCode = FumoResultCode.ServerError;
                return StepRetry;
            }

            return StreamBody(exchange.ResponseBody, job, remaining);
        }

        /// <summary>A whole body: a first download, or a server that ignored Range (never append it after a partial image).</summary>
        private int StartFromZero(IHttpExchange exchange, DownloadJob job)
        {
            long total = exchange.ContentLength;
            if (total < 0)
            {
                // IFU needs the total length before the first byte: an unsized body cannot be staged.
                return FumoResultCode.NotAcceptable;
            }

            if (total > _slot.CapacityBytes)
            {
                return FumoResultCode.DownloadOutOfMemory;
            }

            if ((job.ExpectedSize >= 0 && total != job.ExpectedSize) || total <= McuBootHeader.Size)
            {
                return FumoResultCode.CorruptedPackage;
            }

            if (_slot.NextOffset >= 0)
            {
                _slot.Abort(false);
            }

            SlotResult started = _slot.Start((int)total);
            if (started != SlotResult.Success)
            {
                LastSlotResult = started;
                return MapSlotFailure(started);
            }

            job.ForgetImage();
            job.TotalLength = (int)total;
            job.ETag = exchange.ETag;
            return StreamBody(exchange.ResponseBody, job, (int)total);
        }

        private int MapHttpFailure(int status, DownloadJob job)
        {
            if (status == 416)
            {
                // Our offset is past the resource: it changed. Start over from byte 0.
                Restart(job);
                _transientCode = FumoResultCode.ServerError;
                return StepRetry;
            }

            if (status == 206)
            {
                // A range nobody asked for: a broken server or proxy. Try again.
                _transientCode = FumoResultCode.ServerError;
                return StepRetry;
            }

            if (status == 404 || status == 410)
            {
                return FumoResultCode.BadUrl;
            }

            if (status == 401 || status == 403 || status == 407)
            {
                return FumoResultCode.AuthenticationFailed;
            }

            if (status == 408 || status == 429)
            {
                _transientCode = FumoResultCode.RequestTimeout;
                return StepRetry;
            }

            if (status >= 500 && status <= 599)
            {
                _transientCode = FumoResultCode.ServerError;
                return StepRetry;
            }

            return FumoResultCode.ClientError;
        }

        /// <summary>Streams <paramref name="remaining"/> body bytes into the slot, a full buffer at a time.</summary>
        private int StreamBody(Stream body, DownloadJob job, int remaining)
        {
            while (remaining > 0)
            {
                int want = remaining < ChunkBytes ? remaining : ChunkBytes;
                int filled = 0;
                while (filled < want)
                {
                    long started = _clock.UptimeMs;
                    int read;
                    try
                    {
                        read = body.Read(_buffer, filled, want - filled);
                    }
                    catch (IOException)
                    {
                        // A read that failed after (about) the whole timeout was a timeout; timers may
                        // fire a tick early, hence 90 %.
                        if ((_clock.UptimeMs - started) * 10 >= (long)_timeoutMs * 9)
                        {
                            _transientCode = FumoResultCode.RequestTimeout;
                        }

                        return StepRetry;
                    }

                    if (read <= 0)
                    {
                        // Truncated body: what is stored stays, the rest comes with the next Range.
                        return StepRetry;
                    }

                    filled += read;
                }

                int stored = StoreChunk(job, filled);
                if (stored != StepStored)
                {
                    return stored;
                }

                remaining -= filled;
            }

            return StepStored;
        }

        private int StoreChunk(DownloadJob job, int count)
        {
            bool first = _slot.NextOffset == 0;
            if (first)
            {
                McuBootHeader header;
                if (McuBootHeader.TryParse(_buffer, 0, out header) != SlotResult.Success
                    || header.HashedLength + McuBootTlv.HeaderBytes > job.TotalLength)
                {
                    return FumoResultCode.CorruptedPackage;
                }

                if (Match != null && !Match(header))
                {
                    return FumoResultCode.DeviceMismatch;
                }
            }

            SlotResult appended = _slot.Append(_buffer, 0, count);
            if (appended != SlotResult.Success)
            {
                LastSlotResult = appended;
                return appended == SlotResult.NoSession ? StepRetry : MapSlotFailure(appended);
            }

            BytesStored += count;
            job.BytesStored = _slot.NextOffset;
            if (job.BytesStored > _highWater)
            {
                // Only new ground counts: a server that makes the client restart from 0 again and
                // again must run out of attempts, not loop forever.
                _highWater = job.BytesStored;
                _progress = true;
            }
            if (first)
            {
                byte[] copy = new byte[McuBootHeader.Size];
                for (int i = 0; i < copy.Length; i++)
                {
                    copy[i] = _buffer[i];
                }

                job.Header = copy;
                if (Checkpoint != null)
                {
                    Checkpoint(job);
                }
            }

            return StepStored;
        }

        private void Restart(DownloadJob job)
        {
            if (_slot.NextOffset >= 0)
            {
                _slot.Abort(true);
            }

            job.ForgetImage();
        }

        private static int MapSlotFailure(SlotResult result)
        {
            switch (result)
            {
                case SlotResult.TooLarge:
                    return FumoResultCode.DownloadOutOfMemory;
                case SlotResult.BadMagic:
                case SlotResult.BadArgument:
                case SlotResult.BadTlv:
                case SlotResult.HashMismatch:
                    return FumoResultCode.CorruptedPackage;
                case SlotResult.BadSignature:
                    return FumoResultCode.ValidationFailed;
                case SlotResult.NoSlot:
                    return FumoResultCode.NotImplemented;
                case SlotResult.SwapInFlight:
                case SlotResult.Busy:
                    return FumoResultCode.ClientError;
                default:
                    return FumoResultCode.UndefinedError;
            }
        }
    }
}
