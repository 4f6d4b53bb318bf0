using nanoFramework.Runtime.InFieldUpdate;
using OmaDm.Nano.Firmware;

namespace OmaDm.Nano.Esp32.Firmware
{
    /// <summary>
    /// IFU enums → core enums, by name: the core's values were chosen to match IFU's, but the
    /// managed IFU package is a preview, so nothing here depends on its numbers.
    /// </summary>
    internal static class UpdateResults
    {
        internal static SlotResult ToSlotResult(UpdateSessionResult result)
        {
            switch (result)
            {
                case UpdateSessionResult.Success: return SlotResult.Success;
                case UpdateSessionResult.Busy: return SlotResult.Busy;
                case UpdateSessionResult.BadToken: return SlotResult.NoSession;
                case UpdateSessionResult.BadOffset: return SlotResult.BadOffset;
                case UpdateSessionResult.TooLarge: return SlotResult.TooLarge;
                case UpdateSessionResult.FlashError: return SlotResult.FlashError;
                case UpdateSessionResult.BadMagic: return SlotResult.BadMagic;
                case UpdateSessionResult.SwapInFlight: return SlotResult.SwapInFlight;
                case UpdateSessionResult.NoImage: return SlotResult.NoImage;
                case UpdateSessionResult.HeaderMismatch: return SlotResult.HeaderMismatch;
                case UpdateSessionResult.Incomplete: return SlotResult.Incomplete;
                case UpdateSessionResult.BadTlv: return SlotResult.BadTlv;
                case UpdateSessionResult.HashMismatch: return SlotResult.HashMismatch;
                case UpdateSessionResult.BadArgument: return SlotResult.BadArgument;
                case UpdateSessionResult.NoSlot: return SlotResult.NoSlot;
                default: return SlotResult.FlashError; // an unknown future value: treat as a failed flash operation
            }
        }

        internal static SlotStatus ToSlotStatus(UpdateStatus status)
        {
            switch (status)
            {
                case UpdateStatus.Confirmed: return SlotStatus.Confirmed;
                case UpdateStatus.Testing: return SlotStatus.Testing;
                case UpdateStatus.TestPending: return SlotStatus.TestPending;
                case UpdateStatus.PermanentPending: return SlotStatus.PermanentPending;
                case UpdateStatus.RollbackPending: return SlotStatus.RollbackPending;
                case UpdateStatus.Unknown: return SlotStatus.Unknown;
                default: return SlotStatus.Unknown; // a future value
            }
        }
    }
}
