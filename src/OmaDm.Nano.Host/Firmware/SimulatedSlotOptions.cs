using System.Security.Cryptography;

namespace OmaDm.Nano.Host.Firmware;

/// <summary>How a <see cref="SimulatedFirmwareSlot"/> behaves.</summary>
public sealed class SimulatedSlotOptions
{
    /// <summary>Default slot size: room for a nanoFramework deployment image with margin, small enough to erase fast.</summary>
    public const int DefaultCapacityBytes = 2 * 1024 * 1024;

    /// <summary>Size of each slot in bytes (a multiple of the 4 KiB erase block).</summary>
    public int CapacityBytes { get; init; } = DefaultCapacityBytes;

    /// <summary>Public key images must be signed with (ECDSA P-256), or null to skip signature checks.</summary>
    public ECDsa? TrustedKey { get; init; }

    /// <summary>True to refuse images without a signature TLV (only meaningful with <see cref="TrustedKey"/>).</summary>
    public bool RequireSignature { get; init; }

    /// <summary>Power-cut knob shared with other simulated parts of the device.</summary>
    public PowerCutSwitch Power { get; init; } = new();

    /// <summary>Seed for the bytes a torn operation leaves behind (reproducible faults).</summary>
    public int Seed { get; init; } = 1;
}
