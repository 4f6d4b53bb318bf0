using System.CommandLine;
using OmaDm.Device;
using OmaDm.Nano.Host.Storage;
using OmaDm.Nano.Session;

var server = new Option<string>("--server") { Description = "DM server URL (SrvURI); used to bootstrap a fresh state folder" };
var state = new Option<string>("--state") { Description = "state folder: the device's whole persistent state", Required = true };
var devId = new Option<string>("--devid") { Description = "DevID (default: kept from the first run, else random VIRT-...)" };
var once = new Option<bool>("--once") { Description = "run one session and the work it started, then exit" };
var verbose = new Option<bool>("--verbose") { Description = "print the JSON of every DM package" };
var poll = new Option<int>("--poll-seconds") { Description = "seconds between sessions in the polling loop", DefaultValueFactory = _ => 60 };
var cutAfter = new Option<long>("--power-cut-after-ops") { Description = "simulated flash loses power after N operations" };
var cutSeed = new Option<int>("--power-cut-seed") { Description = "seed of the power-cut tearing" };
var user = new Option<string>("--user") { Description = "HTTP Basic user for bootstrap (default: the DevID when --password is given)" };
var password = new Option<string>("--password") { Description = "HTTP Basic password for bootstrap" };
var serverId = new Option<string>("--server-id") { Description = "SrvID for bootstrap (the server's SERVER-ID)", DefaultValueFactory = _ => "omadm-server" };
var notiSecret = new Option<string>("--noti-secret") { Description = "DM Notification secret for bootstrap" };
var notiPort = new Option<int>("--noti-port") { Description = "UDP port on 127.0.0.1 for DM Notifications (polling loop)" };
var settingsFile = new Option<string>("--settings") { Description = "factory bootstrap settings file (JSON, see docs/PROTOCOL.md)" };
var allowHttp = new Option<bool>("--allow-http") { Description = "allow plain http to a non-loopback server (insecure)" };

var root = new RootCommand("OmaDm.Nano virtual device: an OMA DM 2.0 client with its state in a folder")
{
    server, state, devId, once, verbose, poll, cutAfter, cutSeed, user, password, serverId, notiSecret, notiPort, settingsFile, allowHttp,
};

ParseResult parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    Console.Error.WriteLine("OmaDm.Device: " + parse.Errors[0].Message);
    return ExitCodes.Usage;
}

root.SetAction(p =>
{
    var options = new DeviceOptions
    {
        ServerUrl = p.GetValue(server),
        StateDirectory = p.GetValue(state)!,
        DevId = p.GetValue(devId),
        Once = p.GetValue(once),
        Verbose = p.GetValue(verbose),
        PollSeconds = p.GetValue(poll),
        PowerCutAfterOps = p.GetValue(cutAfter),
        PowerCutSeed = p.GetValue(cutSeed),
        UserName = p.GetValue(user),
        Password = p.GetValue(password),
        ServerId = p.GetValue(serverId)!,
        NotificationSecret = p.GetValue(notiSecret),
        NotificationPort = p.GetValue(notiPort),
        SettingsFile = p.GetValue(settingsFile),
        AllowHttp = p.GetValue(allowHttp),
    };
    if (options.PollSeconds < 1 || options.PowerCutAfterOps < 0 || options.NotificationPort is < 0 or > 65535)
    {
        Console.Error.WriteLine("OmaDm.Device: --poll-seconds must be >= 1, --power-cut-after-ops >= 0, --noti-port 0..65535");
        return ExitCodes.Usage;
    }

    return DeviceRunner.Run(options, Console.Out, Console.Error, CancellationToken.None);
});

return parse.Invoke();
