using OmaDm.Nano.Firmware;

namespace OmaDm.Nano.Tests.Firmware.Fakes
{
    /// <summary>The MCUboot side of the fake: test swap, confirm, revert, reboot.</summary>
    public sealed partial class MemorySlot
    {
        /// <inheritdoc />
        public SlotResult RequestTestSwap()
        {
            if (PendingOnComplete && Status == SlotStatus.TestPending && _verified)
            {
                return SlotResult.Success;
            }

            if (Status != SlotStatus.Confirmed)
            {
                return SlotResult.SwapInFlight;
            }

            if (!_verified)
            {
                return SlotResult.NotVerified;
            }

            Status = SlotStatus.TestPending;
            return SlotResult.Success;
        }

        /// <inheritdoc />
        public SlotResult Confirm()
        {
            if (Status != SlotStatus.Testing)
            {
                return SlotResult.NotTesting;
            }

            Status = SlotStatus.Confirmed;
            return SlotResult.Success;
        }

        /// <inheritdoc />
        public SlotResult RequestRevert()
        {
            if (Status != SlotStatus.Testing)
            {
                return SlotResult.NotTesting;
            }

            Status = SlotStatus.RollbackPending;
            return SlotResult.Success;
        }

        /// <inheritdoc />
        public void Reboot()
        {
            Reboots++;
            _next = -1;
            if (Status == SlotStatus.TestPending)
            {
                Swap();
                Status = SlotStatus.Testing;
            }
            else if (Status == SlotStatus.Testing || Status == SlotStatus.RollbackPending)
            {
                Swap();
                Status = SlotStatus.Confirmed;
            }
        }

        private void Swap()
        {
            byte[] a = _primary;
            _primary = _secondary;
            _secondary = a;
            int t = _primaryTotal;
            _primaryTotal = _storedTotal;
            _storedTotal = t;
            _verified = false;
        }
    }
}
