using System.Text;
using OmaDm.Nano.Firmware;
using OmaDm.Nano.Host.Firmware;
using OmaDm.Nano.Session;

namespace OmaDm.Device;

/// <summary>
/// Firmware part of the virtual device (owned by the FUMO work, issue 5): the simulated MCUboot slot
/// pair in <c>&lt;state&gt;/firmware</c>, the FUMO MO, the boot settle of a freshly swapped image, and
/// the post-session work an accepted FUMO EXEC starts. A "reboot" here is the simulated slot's boot
/// loader followed by the settle, inside the same process (the DESIGN's <c>--once</c> contract).
/// </summary>
public sealed partial class VirtualDevice
{
    /// <summary>Subfolder of the state folder holding the slot files.</summary>
    public const string FirmwareFolder = "firmware";

    /// <summary>Version of the factory image a fresh virtual device runs.</summary>
    public static readonly ImageVersion FactoryVersion = new(1, 0, 0, 0);

    /// <summary>Reboots one work step may cause: swap, revert, and a retry of each.</summary>
    private const int MaxRebootsPerStep = 6;

    private SimulatedFirmwareSlot? _slot;

    /// <summary>The simulated firmware slot pair (after boot).</summary>
    public SimulatedFirmwareSlot? Slot => _slot;

    /// <summary>The FUMO agent (after boot).</summary>
    public FumoAgent? Fumo { get; private set; }

    /// <summary>
    /// The health check run on a freshly swapped image before it is confirmed. Default: a DM
    /// session with the server completes.
    /// </summary>
    public FirmwareHealthCheck? HealthCheck { get; set; }

    partial void OnRegisterObjects()
    {
        // The slot is flash of the same device: once the store's simulated power is off, it is too.
        var power = new PowerCutSwitch { External = () => Flash.IsPowerOff };
        _slot = new SimulatedFirmwareSlot(Path.Combine(StateDirectory, FirmwareFolder),
            new SimulatedSlotOptions { CapacityBytes = SimulatedSlotOptions.DefaultCapacityBytes, Power = power });
        if (_slot.RunningVersion is null)
        {
            byte[] factory = McuBootImageWriter.Pack(Encoding.UTF8.GetBytes("OmaDm.Nano virtual device factory image"), FactoryVersion);
            _slot.InstallFactoryImage(factory);
            _log.WriteLine("firmware: factory image " + FactoryVersion + " installed");
        }

        Facts.FirmwareVersion = _slot.RunningVersion ?? "unknown";
        Fumo = new FumoAgent(Tree, _slot, Transport, Clock, Client.Alerts.Stage)
        {
            AllowPlainHttp = _options.AllowHttp,
            WorkScheduler = () => Client.QueuePostSessionWork(RunFirmwareWork),
        };
        Fumo.Register();
    }

    partial void OnBooted()
    {
        if (_slot!.LastBootAction != "normal boot")
        {
            _log.WriteLine("firmware: boot loader: " + _slot.LastBootAction);
        }

        SettleFirmware();
        if (Fumo!.HasPendingWork)
        {
            // Interrupted by a reset (state persisted): finish after this boot's session.
            _log.WriteLine("firmware: resuming " + Fumo.PendingOperation + " after the session (state " + (int)Fumo.State + ")");
            Client.QueuePostSessionWork(RunFirmwareWork);
        }
    }

    /// <summary>Settles a swapped image, following the simulated reboots it asks for.</summary>
    private void SettleFirmware()
    {
        for (int i = 0; i < MaxRebootsPerStep && Fumo!.NeedsSettle; i++)
        {
            FumoRunResult result = Fumo.Settle(HealthCheck ?? DefaultHealthCheck);
            AfterFirmwareStep("settle", result);
            if (result != FumoRunResult.Rebooted)
            {
                return;
            }
        }
    }

    private void RunFirmwareWork(DmClient client, SessionOutcome outcome)
    {
        if (PowerLost)
        {
            return;
        }

        FumoRunResult result = Fumo!.RunPendingWork();
        AfterFirmwareStep("work", result);
        if (result == FumoRunResult.Rebooted)
        {
            SettleFirmware();
        }
    }

    private void AfterFirmwareStep(string step, FumoRunResult result)
    {
        Facts.FirmwareVersion = _slot!.RunningVersion ?? "unknown";
        _log.WriteLine($"firmware {step}: {result}, state {(int)Fumo!.State}, last result {Fumo.LastResult}, running {Facts.FirmwareVersion}"
            + (result == FumoRunResult.Rebooted ? " (simulated reboot: " + _slot.LastBootAction + ")" : ""));
        if (result == FumoRunResult.Completed)
        {
            // The result alert is committed: report it in the next session (the loop runs one soon).
            Client.RequestSession();
        }
    }

    /// <summary>The DESIGN's default: the new image is healthy when a DM session with the server completes.</summary>
    private bool DefaultHealthCheck()
    {
        SessionOutcome outcome = RunSession();
        return !PowerLost && outcome.Result == SessionResult.Completed;
    }
}
