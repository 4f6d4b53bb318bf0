using OmaDm.Nano.Protocol;

namespace OmaDm.Nano.Firmware
{
    public sealed partial class FumoAgent
    {
        /// <summary>
        /// Runs the accepted operation: download (30 → 50, or 20 on failure), then for Update and
        /// DownloadAndUpdate the test swap (60) and a reboot. Each transition is committed before the
        /// next step, so a reset anywhere resumes or settles from a consistent state.
        /// </summary>
        /// <returns>Idle, Completed (result alert committed), Rebooted (run the boot sequence and <see cref="Settle"/>), or StoreFailed.</returns>
        public FumoRunResult RunPendingWork()
        {
            if (!HasPendingWork)
            {
                return FumoRunResult.Idle;
            }

            FumoOperation operation = _operation;
            if (operation != FumoOperation.Update && _state != FumoState.ReadyToUpdate)
            {
                _state = FumoState.DownloadProgressing;
                if (!CommitState())
                {
                    return FumoRunResult.StoreFailed;
                }

                int code = _downloader.Run(_job);
                if (code != FumoResultCode.Success)
                {
                    return Finish(operation, FumoState.DownloadFailed, code);
                }

                if (operation == FumoOperation.Download)
                {
                    return Finish(operation, FumoState.ReadyToUpdate, code);
                }

                _state = FumoState.ReadyToUpdate;
                if (!CommitState())
                {
                    return FumoRunResult.StoreFailed;
                }
            }

            if (_state != FumoState.ReadyToUpdate || !_slot.TryGetImageHash(SlotId.Secondary, _hash))
            {
                _slot.EraseSecondary();
                return Finish(operation, FumoState.UpdateFailedNoData, FumoResultCode.UpdateFailed);
            }

            _targetHash = (byte[])_hash.Clone();
            _state = FumoState.UpdateProgressing;
            return Swap(operation);
        }

        /// <summary>
        /// The boot settle of a swapped image (state 60): under test, run <paramref name="healthCheck"/>
        /// and confirm (100, alert 200) or revert (reboot, then 80 and alert 410). Call at every boot
        /// after the tree is loaded, and again whenever this returns Rebooted.
        /// </summary>
        /// <param name="healthCheck">The app's check (e.g. a DM session succeeds); null confirms at once.</param>
        /// <returns>Idle (nothing to settle), Completed, Rebooted (boot again, settle again) or StoreFailed.</returns>
        public FumoRunResult Settle(FirmwareHealthCheck healthCheck)
        {
            if (_state != FumoState.UpdateProgressing)
            {
                return FumoRunResult.Idle;
            }

            FumoOperation operation = _operation == FumoOperation.None ? FumoOperation.Update : _operation;
            SlotStatus status = _slot.Status;
            if (status == SlotStatus.TestPending || status == SlotStatus.RollbackPending || status == SlotStatus.PermanentPending)
            {
                // Scheduled before the reset that did not happen yet: finish it.
                _slot.Reboot();
                return FumoRunResult.Rebooted;
            }

            bool swapped = _targetHash != null && _slot.TryGetImageHash(SlotId.Primary, _hash) && SameOrBothNull(_hash, _targetHash);
            if (status == SlotStatus.Testing)
            {
                if (swapped && !_reverting)
                {
                    if ((healthCheck == null || healthCheck()) && _slot.Confirm() == SlotResult.Success)
                    {
                        return Finish(operation, FumoState.UpdateSuccessfulNoData, FumoResultCode.Success);
                    }

                    _reverting = true;
                    if (!CommitState())
                    {
                        return FumoRunResult.StoreFailed;
                    }
                }

                _slot.RequestRevert();
                _slot.Reboot();
                return FumoRunResult.Rebooted;
            }

            if (swapped && !_reverting)
            {
                // Confirmed before a reset took away the transition that records it.
                return Finish(operation, FumoState.UpdateSuccessfulNoData, FumoResultCode.Success);
            }

            if (!_reverting && _swapAttempts < MaxSwapAttempts && _targetHash != null
                && _slot.TryGetImageHash(SlotId.Secondary, _hash) && SameOrBothNull(_hash, _targetHash))
            {
                // The swap never happened (a reset before it was requested, or during the test run): once more.
                return Swap(operation);
            }

            // Reverted (health check failed, or the image never confirmed itself): the rejected image goes.
            _slot.EraseSecondary();
            return Finish(operation, FumoState.UpdateFailedNoData, FumoResultCode.UpdateFailed);
        }

        private FumoRunResult Swap(FumoOperation operation)
        {
            _swapAttempts++;
            if (!CommitState())
            {
                return FumoRunResult.StoreFailed;
            }

            if (_slot.RequestTestSwap() != SlotResult.Success)
            {
                _slot.EraseSecondary();
                return Finish(operation, FumoState.UpdateFailedNoData, FumoResultCode.UpdateFailed);
            }

            _slot.Reboot();
            return FumoRunResult.Rebooted;
        }

        /// <summary>Ends an operation: state, result and its alert in one commit (exactly once across resets).</summary>
        private FumoRunResult Finish(FumoOperation operation, FumoState state, int code)
        {
            _state = state;
            _lastResult = code;
            _operation = FumoOperation.None;
            GenericAlert alert = new GenericAlert();
            alert.AlertType = FumoAlertTypes.For(operation);
            alert.SourceUri = _sourceUri;
            alert.TargetUri = _targetUri;
            alert.Mark = FumoResultCode.IsSuccess(code) ? "informational" : "critical";
            alert.DataType = "int";
            alert.Data = code.ToString();
            alert.Correlator = _correlator;
            // A full queue loses the alert, never the state: the result stays in Ext/LastResult.
            _stageAlert(alert);
            return CommitState() ? FumoRunResult.Completed : FumoRunResult.StoreFailed;
        }
    }
}
