using System.IO;

namespace OmaDm.Nano.Firmware
{
    public sealed partial class FirmwareDownloader
    {
        /// <summary>
        /// Stores a body that arrives on its own (HGET into the PkgData stream sink): one pass, no
        /// Range resume (the caller owns the connection), then the slot's verification.
        /// </summary>
        /// <param name="body">The response body; read, never disposed.</param>
        /// <param name="length">Content-Length; -1 (unknown) answers 405 as the slot needs the total up front.</param>
        /// <param name="job">Receives the total length and header; its ExpectedSize/ExpectedSha256 are checked.</param>
        /// <returns>200 or a FUMO failure code (the slot is erased for a bad image).</returns>
        public int StoreBody(Stream body, long length, DownloadJob job)
        {
            Requests = 0;
            BytesStored = 0;
            LastSlotResult = SlotResult.Success;
            if (body == null || job == null)
            {
                return FumoResultCode.ClientError;
            }

            if (length < 0)
            {
                return FumoResultCode.NotAcceptable;
            }

            if (length > _slot.CapacityBytes)
            {
                return FumoResultCode.DownloadOutOfMemory;
            }

            if ((job.ExpectedSize >= 0 && length != job.ExpectedSize) || length <= McuBootHeader.Size)
            {
                return Fail(job, FumoResultCode.CorruptedPackage, true);
            }

            if (_slot.NextOffset >= 0)
            {
                _slot.Abort(false);
            }

            SlotResult started = _slot.Start((int)length);
            if (started != SlotResult.Success)
            {
                LastSlotResult = started;
                return MapSlotFailure(started);
            }

            job.ForgetImage();
            job.TotalLength = (int)length;
            _highWater = 0;
            _transientCode = FumoResultCode.NetworkFailed;
            int step = StreamBody(body, job, (int)length);
            if (step == StepStored)
            {
                step = Verify(job);
                if (step == FumoResultCode.Success)
                {
                    return step;
                }
            }

            if (step == StepRetry)
            {
                return Fail(job, _transientCode, false);
            }

            return Fail(job, step, EraseOn(step));
        }
    }
}
