using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using OmaDm.Nano.Host.Firmware;
using OmaDm.Server.Campaigns;
using OmaDm.Server.Devices;
using OmaDm.Server.Firmware;
using OmaDm.Server.Repository;

namespace OmaDm.Server.Demo;

public sealed partial class DemoRunner
{
    private long _dropAt;

    private async Task<int> RunScenarioAsync(DmServer server, DeviceProcess device, string work, CancellationToken cancel)
    {
        // 1. Images: 1.0.0 is what the devices run, 1.1.0 what the campaign installs.
        _view.Step("packing MCUboot images 1.0.0 and 1.1.0 (" + (_options.PayloadBytes / 1024).ToString(CultureInfo.InvariantCulture) + " KiB each)");
        string images = Path.Combine(work, "images");
        Directory.CreateDirectory(images);
        byte[] oldImage = McuBootImageWriter.Pack(Payload(_options.PayloadBytes, 1), OldVersion);
        byte[] newImage = McuBootImageWriter.Pack(Payload(_options.PayloadBytes, 2), NewVersion);
        string oldPath = Path.Combine(images, "app-1.0.0.bin");
        await File.WriteAllBytesAsync(oldPath, oldImage, cancel);
        await File.WriteAllBytesAsync(Path.Combine(images, "app-1.1.0.bin"), newImage, cancel);
        FirmwareCatalog catalog = server.Service<FirmwareCatalog>();
        await catalog.AddAsync("app-1.0.0.bin", new MemoryStream(oldImage), null, cancel);
        FirmwareUploadResult added = await catalog.AddAsync("app-1.1.0.bin", new MemoryStream(newImage), null, cancel);
        if (added.Image is null)
        {
            _view.Result(false, "demo: the catalogue refused the 1.1.0 image: " + added.Error);
            return ExitSetupFailed;
        }

        // 2. Devices: enrolled on the server, bootstrapped on their first run, all at 1.0.0.
        DeviceRegistry registry = server.Service<DeviceRegistry>();
        for (int i = 1; i <= _options.Devices; i++)
        {
            string devId = "demo-" + i.ToString("D2", CultureInfo.InvariantCulture);
            DemoFault fault = i == 2 ? DemoFault.DroppedConnection : i == 3 ? DemoFault.PowerCut : DemoFault.None;
            var d = new DemoDevice(devId, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), Path.Combine(work, "devices", devId), fault);
            registry.Enrol(devId, d.Password);
            _devices.Add(d);
        }
        _view.Step("enrolling " + _devices.Count.ToString(CultureInfo.InvariantCulture) + " virtual devices (first session of each: DevInfo, firmware version)");
        string dmUrl = server.BaseUrl + "/dm";
        await Task.WhenAll(_devices.Select(d => FirstContactAsync(device, d, dmUrl, oldPath, cancel)));
        IReadOnlyList<DemoDeviceRow> enrolled = Rows(server, null);
        _view.Final(enrolled, "enrolled");
        if (enrolled.FirstOrDefault(r => !IsOld(r.Version)) is DemoDeviceRow odd)
        {
            _view.Result(false, $"demo: {odd.DevId} reports firmware {odd.Version ?? "(none)"} instead of {OldVersion.ToString()}" +
                (_devices.First(d => d.DevId == odd.DevId).LastError is string e ? ": " + e : ""));
            return ExitSetupFailed;
        }

        // 3. Faults, then the campaign.
        RepositoryFaults faults = server.Service<RepositoryFaults>();
        DemoDevice dropped = _devices.First(d => d.Fault == DemoFault.DroppedConnection);
        _dropAt = newImage.Length * 2L / 5;
        faults.DropConnection(dropped.DevId, _dropAt);
        dropped.FaultNote = string.Create(CultureInfo.InvariantCulture, $"connection drop armed at byte {_dropAt}");
        DemoDevice cut = _devices.First(d => d.Fault == DemoFault.PowerCut);
        cut.FaultNote = string.Create(CultureInfo.InvariantCulture, $"power cut armed at flash op {_options.PowerCutAfterOps}");

        CampaignService campaigns = server.Service<CampaignService>();
        (long? campaignId, string? error) = campaigns.Start(new CampaignRequest("demo: 1.0.0 → 1.1.0", added.Image.Id,
            FailureThresholdPercent: 100, MaxAttempts: 4, Flow: _options.Flow));
        if (campaignId is not long id)
        {
            _view.Result(false, "demo: the campaign did not start: " + error);
            return ExitSetupFailed;
        }
        _view.Step(string.Create(CultureInfo.InvariantCulture, $"campaign {id} started ({_options.Flow} flow); devices poll every {_options.PollInterval.TotalMilliseconds:F0} ms"));

        // 4. Devices poll until each is done; the view follows the server's campaign state.
        Task loops = Task.WhenAll(_devices.Select(d => PollUntilDoneAsync(server, device, d, dmUrl, id, cancel)));
        await _view.RunAsync(_ => Task.FromResult<(IReadOnlyList<DemoDeviceRow>, string, bool)>(
            (Rows(server, id), CampaignCaption(campaigns, id), loops.IsCompleted)), TimeSpan.FromMilliseconds(250), cancel);
        await loops;

        // 5. Result.
        FinalRows = Rows(server, id);
        if (!_view.Live)
        {
            _view.Final(FinalRows, CampaignCaption(campaigns, id)); // on a terminal the live table already shows it
        }
        int updated = FinalRows.Count(r => IsNew(r.Version));
        bool ok = updated == FinalRows.Count;
        string faultsText = string.Create(CultureInfo.InvariantCulture,
            $"{faults.DropsDone} connection drop(s), {_devices.Count(d => d.FaultNote?.StartsWith("power cut", StringComparison.Ordinal) == true && !d.FaultNote.StartsWith("power cut not", StringComparison.Ordinal))} power cut(s) injected");
        _view.Result(ok, ok
            ? $"every device runs {NewVersion.ToString()} ({faultsText})"
            : $"{FinalRows.Count - updated} of {FinalRows.Count} device(s) not on {NewVersion.ToString()} ({faultsText})");
        return ok ? ExitOk : ExitNotAllUpdated;
    }

    private static string CampaignCaption(CampaignService campaigns, long id) =>
        campaigns.Get(id) is CampaignInfo c
            ? string.Create(CultureInfo.InvariantCulture, $"campaign {c.Id} {c.State}: {c.Updated}/{c.Total} updated, {c.Failed} failed")
            : "campaign " + id.ToString(CultureInfo.InvariantCulture);

    private List<string> DeviceArgs(DemoDevice d, string dmUrl) => new()
    {
        "--server", dmUrl, "--state", d.StateDirectory, "--devid", d.DevId, "--password", d.Password, "--server-id", ServerId, "--once",
    };

    private async Task FirstContactAsync(DeviceProcess device, DemoDevice d, string dmUrl, string oldImagePath, CancellationToken cancel)
    {
        List<string> args = DeviceArgs(d, dmUrl);
        args.AddRange(FirmwareArgs(oldImagePath));
        // Two sessions: the first bootstraps and answers the server's DevInfo read.
        for (int i = 0; i < 2; i++)
        {
            DeviceProcess.RunResult r = await device.RunAsync(args, cancel);
            Interlocked.Increment(ref d.Runs);
            if (r.ExitCode != 0)
            {
                d.LastError = string.Create(CultureInfo.InvariantCulture, $"exit {r.ExitCode}: {r.Reason}");
            }
        }
    }

    private async Task PollUntilDoneAsync(DmServer server, DeviceProcess device, DemoDevice d, string dmUrl, long campaignId, CancellationToken cancel)
    {
        CampaignService campaigns = server.Service<CampaignService>();
        DeviceRegistry registry = server.Service<DeviceRegistry>();
        bool cutPending = d.Fault == DemoFault.PowerCut;
        bool recovering = false;
        try
        {
            while (true)
            {
                List<string> args = DeviceArgs(d, dmUrl);
                if (cutPending)
                {
                    args.Add("--power-cut-after-ops");
                    args.Add(_options.PowerCutAfterOps.ToString(CultureInfo.InvariantCulture));
                }
                DeviceProcess.RunResult r = await device.RunAsync(args, cancel);
                Interlocked.Increment(ref d.Runs);
                if (recovering)
                {
                    recovering = false;
                    d.FaultNote = RecoveryNote(r.Output);
                }
                if (cutPending)
                {
                    cutPending = false;
                    recovering = r.ExitCode == DeviceProcess.PowerCutExitCode;
                    d.FaultNote = recovering
                        ? "power cut (flash op " + _options.PowerCutAfterOps.ToString(CultureInfo.InvariantCulture) + "), rebooting"
                        : "power cut not reached (exit " + r.ExitCode.ToString(CultureInfo.InvariantCulture) + ")";
                }
                else if (r.ExitCode != 0)
                {
                    d.LastError = string.Create(CultureInfo.InvariantCulture, $"exit {r.ExitCode}: {r.Reason}");
                }
                if (d.Fault == DemoFault.DroppedConnection && server.Service<RepositoryFaults>().DropsDone > 0 && d.FaultNote?.StartsWith("connection drop armed", StringComparison.Ordinal) == true)
                {
                    d.FaultNote = string.Create(CultureInfo.InvariantCulture, $"connection dropped at byte {_dropAt}, {(_options.Flow == FumoFlow.DownloadAndUpdate ? "resumed" : "retried")}");
                }

                CampaignDevice? state = campaigns.Devices(campaignId).FirstOrDefault(x => x.DevId == d.DevId);
                bool onNew = IsNew(registry.Get(d.DevId)?.FirmwareVersion);
                if ((state?.State == CampaignDeviceState.Updated && onNew) || state?.State is CampaignDeviceState.Failed or CampaignDeviceState.Cancelled)
                {
                    return;
                }
                await Task.Delay(_options.PollInterval, cancel);
            }
        }
        finally
        {
            d.Finished = true;
        }
    }

    /// <summary>
    /// What the device did on the boot after its power cut, from its log line
    /// "firmware: resuming &lt;operation&gt; after the session (state N)" (FUMO state 30 = download in progress).
    /// </summary>
    public static string RecoveryNote(string output)
    {
        Match m = ResumeLine().Match(output);
        if (!m.Success)
        {
            return "power cut; no firmware work was pending at the next boot";
        }
        string state = m.Groups["state"].Value;
        return state == "30"
            ? "power cut mid-download (FUMO state 30), recovered"
            : "power cut in FUMO state " + state + ", recovered";
    }

    [GeneratedRegex(@"resuming (?<op>\w+) after the session \(state (?<state>\d+)\)")]
    private static partial Regex ResumeLine();

    /// <summary>Arguments that give a fresh device its running image (1.0.0).</summary>
    private static IEnumerable<string> FirmwareArgs(string imagePath)
    {
        _ = imagePath;
        return Array.Empty<string>();
    }
}
