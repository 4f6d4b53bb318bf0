using System.Globalization;
using System.Security.Cryptography;
using OmaDm.Nano.Firmware;

namespace OmaDm.Nano.Host.Firmware;

public sealed partial class SimulatedFirmwareSlot
{
    /// <summary>Times the simulated boot loader ran (construction and each <see cref="Reboot"/>).</summary>
    public int BootCount { get; private set; }

    /// <summary>What the boot loader did at the last boot, for logs and tests.</summary>
    public string LastBootAction { get; private set; } = "";

    /// <inheritdoc />
    public SlotStatus Status => Enum.TryParse<SlotStatus>(boot.Get("status", "Confirmed"), out var s) ? s : SlotStatus.Unknown;

    /// <inheritdoc />
    public SlotResult RequestTestSwap()
    {
        if (sessionOpen)
        {
            return SlotResult.Busy;
        }
        if (Status != SlotStatus.Confirmed)
        {
            return SlotResult.SwapInFlight;
        }
        if (meta.Get("verified", "0") != "1")
        {
            return SlotResult.NotVerified;
        }
        boot.Save(("status", nameof(SlotStatus.TestPending)));
        return SlotResult.Success;
    }

    /// <inheritdoc />
    public SlotResult Confirm()
    {
        if (Status != SlotStatus.Testing)
        {
            return SlotResult.NotTesting;
        }
        boot.Save(("status", nameof(SlotStatus.Confirmed)));
        return SlotResult.Success;
    }

    /// <inheritdoc />
    public SlotResult RequestRevert()
    {
        if (Status != SlotStatus.Testing)
        {
            return SlotResult.NotTesting;
        }
        boot.Save(("status", nameof(SlotStatus.RollbackPending)));
        return SlotResult.Success;
    }

    /// <inheritdoc />
    /// <remarks>Releases the session and runs the simulated boot loader, then returns.</remarks>
    public void Reboot()
    {
        sessionOpen = false;
        RunBootLoader();
    }

    /// <summary>
    /// Writes a factory image into the primary slot, confirmed, as a flashing tool would (its
    /// structure and hash are checked; a signature is not, as a serial flasher does not check one).
    /// Refused (false) when the image is not a valid MCUboot image or does not fit.
    /// </summary>
    public bool InstallFactoryImage(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Length > CapacityBytes)
        {
            return false;
        }
        primary.Erase(0, CapacityBytes);
        if (primary.Write(0, image) != FlashWriteResult.Success || Verify(primary, image.Length, checkSignature: false) != SlotResult.Success)
        {
            return false;
        }
        boot.Save(("status", nameof(SlotStatus.Confirmed)), ("primary.total", image.Length.ToString(CultureInfo.InvariantCulture)));
        return true;
    }

    /// <summary>
    /// What MCUboot does at reset: a scheduled test swap is applied only if the staged image
    /// verifies; a test image still unconfirmed at reset, or a requested rollback, is swapped back.
    /// </summary>
    private void RunBootLoader()
    {
        BootCount++;
        switch (Status)
        {
            case SlotStatus.TestPending:
                var staged = (int)meta.GetLong("total", -1);
                if (staged > 0 && Verify(secondary, staged) == SlotResult.Success)
                {
                    SwapFiles(staged);
                    boot.Save(("status", nameof(SlotStatus.Testing)));
                    LastBootAction = "test swap";
                }
                else
                {
                    boot.Save(("status", nameof(SlotStatus.Confirmed)));
                    LastBootAction = "swap refused: staged image does not verify";
                }
                break;
            case SlotStatus.Testing:
            case SlotStatus.RollbackPending:
                SwapFiles((int)meta.GetLong("total", -1));
                boot.Save(("status", nameof(SlotStatus.Confirmed)));
                LastBootAction = "revert";
                break;
            default:
                LastBootAction = "normal boot";
                break;
        }
    }

    /// <summary>Exchanges the two slots (renames, as MCUboot's swap is atomic to the application).</summary>
    private void SwapFiles(int secondaryTotal)
    {
        primary.Dispose();
        secondary.Dispose();
        var p = System.IO.Path.Combine(folder, PrimaryFile);
        var s = System.IO.Path.Combine(folder, SecondaryFile);
        var aside = System.IO.Path.Combine(folder, "swap.tmp");
        File.Move(p, aside, overwrite: true);
        File.Move(s, p);
        File.Move(aside, s);
        primary = OpenFlash(PrimaryFile, 0);
        secondary = OpenFlash(SecondaryFile, 1);
        var primaryTotal = boot.Get("primary.total", "-1");
        // The totals travel with the images; the staged one is no longer "verified for a swap".
        meta.Save(("verified", "0"), ("total", primaryTotal));
        boot.Save(("primary.total", secondaryTotal.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>IFU's complete-time checks plus MCUboot's signature check.</summary>
    private SlotResult Verify(SimulatedFlash flash, int total, bool checkSignature = true) => Verify(flash, total, null, checkSignature);

    /// <summary>As above; <paramref name="knownDigest"/> is the SHA-256 computed while the same bytes were written, or null to read them back.</summary>
    private SlotResult Verify(SimulatedFlash flash, int total, byte[]? knownDigest, bool checkSignature = true)
    {
        var head = new byte[McuBootHeader.Size];
        flash.Read(0, head);
        if (McuBootHeader.TryParse(head, 0, out var header) != SlotResult.Success)
        {
            return SlotResult.BadMagic;
        }
        long hashed = header.HashedLength;
        var tlvLength = total - hashed;
        if (tlvLength < McuBootTlv.HeaderBytes || tlvLength > McuBootTlv.MaxAreaBytes)
        {
            return SlotResult.BadTlv;
        }
        if (header.ProtectedTlvSize > 0)
        {
            var prot = new byte[McuBootTlv.HeaderBytes];
            flash.Read(header.HeaderSize + header.ImageSize, prot);
            if (McuBootHeader.ReadUInt16(prot, 0) != McuBootTlv.ProtectedInfoMagic || McuBootHeader.ReadUInt16(prot, 2) != header.ProtectedTlvSize)
            {
                return SlotResult.BadTlv;
            }
        }
        var area = new byte[tlvLength];
        flash.Read(hashed, area);
        if (McuBootTlv.Find(area, 0, area.Length, McuBootTlv.TypeSha256, out var hashAt, out var hashLength) != SlotResult.Success
            || hashAt < 0 || hashLength != McuBootTlv.Sha256Bytes)
        {
            return SlotResult.BadTlv;
        }
        var digest = knownDigest ?? HashRange(flash, hashed);
        if (!CryptographicOperations.FixedTimeEquals(digest, area.AsSpan(hashAt, hashLength)))
        {
            return SlotResult.HashMismatch;
        }
        McuBootTlv.Find(area, 0, area.Length, McuBootTlv.TypeEcdsaSignature, out var sigAt, out var sigLength);
        if (checkSignature && options.TrustedKey is { } key && (sigAt >= 0 || options.RequireSignature))
        {
            if (sigAt < 0 || !key.VerifyHash(digest, area.AsSpan(sigAt, sigLength), DSASignatureFormat.Rfc3279DerSequence))
            {
                return SlotResult.BadSignature;
            }
        }
        return SlotResult.Success;
    }

    private static byte[] HashRange(SimulatedFlash flash, long length)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        for (long done = 0; done < length;)
        {
            var n = (int)Math.Min(buffer.Length, length - done);
            flash.Read(done, buffer.AsSpan(0, n));
            sha.AppendData(buffer, 0, n);
            done += n;
        }
        return sha.GetHashAndReset();
    }
}
