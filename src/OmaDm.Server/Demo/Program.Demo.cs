using System.CommandLine;
using OmaDm.Server.Campaigns;
using OmaDm.Server.Demo;
using Spectre.Console;

namespace OmaDm.Server;

/// <summary>The <c>demo</c> subcommand (see <see cref="DemoRunner"/>).</summary>
public static partial class Program
{
    static partial void ConfigureDemo(Command demo)
    {
        var devices = new Option<int>("--devices") { Description = "number of virtual devices (3..20)", DefaultValueFactory = _ => 5 };
        var timeout = new Option<int>("--timeout") { Description = "seconds the scenario may take (after the one-time device build)", DefaultValueFactory = _ => 120 };
        var keep = new Option<bool>("--keep-running") { Description = "keep the server and its web console running afterwards (Ctrl+C stops)" };
        var deviceDll = new Option<string?>("--device-dll") { Description = "a built OmaDm.Device.dll (default: build src/OmaDm.Device of this checkout)" };
        var workDir = new Option<string?>("--work-dir") { Description = "folder for the throw-away database and device states (default: a new temp folder)" };
        var flow = new Option<FumoFlow>("--flow") { Description = "FUMO flow of the campaign", DefaultValueFactory = _ => FumoFlow.DownloadAndUpdate };
        var cutOps = new Option<long>("--power-cut-after-ops") { Description = "flash operation at which the power-cut device loses power", DefaultValueFactory = _ => 15 };
        foreach (Option o in new Option[] { devices, timeout, keep, deviceDll, workDir, flow, cutOps })
        {
            demo.Options.Add(o);
        }
        demo.SetAction(async (parse, cancel) =>
        {
            var options = new DemoOptions
            {
                Devices = parse.GetValue(devices),
                Timeout = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(timeout), 0, 3600)),
                KeepRunning = parse.GetValue(keep),
                DeviceAssembly = parse.GetValue(deviceDll),
                WorkDirectory = parse.GetValue(workDir),
                Flow = parse.GetValue(flow),
                PowerCutAfterOps = parse.GetValue(cutOps),
            };
            return await new DemoRunner(options, AnsiConsole.Console).RunAsync(cancel);
        });
    }
}
