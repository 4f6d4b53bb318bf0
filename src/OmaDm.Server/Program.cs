using System.CommandLine;

namespace OmaDm.Server;

/// <summary>Command line: <c>serve</c> (default) runs the server; <c>demo</c> runs the self-contained demo.</summary>
public static partial class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        var urls = new Option<string>("--urls") { Description = "listening URLs separated by ';'", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var db = new Option<string>("--db") { Description = "SQLite file, or a PostgreSQL connection string starting Host=", DefaultValueFactory = _ => "omadm.db" };
        var dataDir = new Option<string?>("--data-dir") { Description = "folder for repository blobs (default: <db>.blobs)" };
        var adminToken = new Option<string?>("--admin-token") { Description = "bearer token for /api/ (random and printed when absent)" };
        var consolePassword = new Option<string?>("--console-password") { Description = "password of the web console login" };
        var allowHttp = new Option<bool>("--allow-http") { Description = "allow plain HTTP on non-loopback addresses (development only)" };
        var cert = new Option<string?>("--cert") { Description = "PFX certificate for https:// URLs" };
        var certPassword = new Option<string?>("--cert-password") { Description = "password of the PFX file" };
        var autoEnrol = new Option<bool>("--auto-enrol") { Description = "enrol unknown devices on first contact with the password they present (development only)" };
        var publicUrl = new Option<string?>("--public-url") { Description = "base URL devices use for the repository (default: the host of each DM request)" };
        var serverId = new Option<string>("--server-id") { Description = "SERVER-ID in DM Notifications (the devices' DMAcc SrvID)", DefaultValueFactory = _ => "omadm-server" };
        var verbose = new Option<bool>("--verbose") { Description = "log every request" };

        var serve = new Command("serve", "run the DM server (default)");
        foreach (var o in new Option[] { urls, db, dataDir, adminToken, consolePassword, allowHttp, cert, certPassword, autoEnrol, publicUrl, serverId, verbose })
        {
            serve.Options.Add(o);
        }
        serve.SetAction(async (parse, cancel) =>
        {
            var options = new ServerOptions
            {
                Urls = parse.GetValue(urls)!,
                Database = parse.GetValue(db)!,
                DataDirectory = parse.GetValue(dataDir),
                AdminToken = parse.GetValue(adminToken),
                ConsolePassword = parse.GetValue(consolePassword),
                AllowHttp = parse.GetValue(allowHttp),
                CertificatePath = parse.GetValue(cert),
                CertificatePassword = parse.GetValue(certPassword),
                AutoEnrol = parse.GetValue(autoEnrol),
                PublicBaseUrl = parse.GetValue(publicUrl),
                ServerId = parse.GetValue(serverId)!,
                Verbose = parse.GetValue(verbose),
            };
            return await ServeAsync(options, cancel);
        });

        var demo = new Command("demo", "start a throw-away server, virtual devices and a firmware campaign, and show the result");
        ConfigureDemo(demo);
        if (demo.Action is null)
        {
            demo.SetAction(_ =>
            {
                System.Console.Error.WriteLine("demo: not available in this build");
                return 2;
            });
        }

        var root = new RootCommand("OmaDm.Server: reference OMA DM 2.0 server (DM endpoint, data repository, firmware campaigns, admin API, web console)");
        foreach (var o in serve.Options)
        {
            root.Options.Add(o);
        }
        root.Action = serve.Action;
        root.Subcommands.Add(serve);
        root.Subcommands.Add(demo);
        return root.Parse(args).Invoke();
    }

    /// <summary>Runs the server until Ctrl+C; 0 on a clean stop, 2 on a configuration error.</summary>
    public static async Task<int> ServeAsync(ServerOptions options, CancellationToken cancel)
    {
        DmServer server;
        try
        {
            server = DmServer.Build(options);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or IOException or System.Security.Cryptography.CryptographicException or System.Data.Common.DbException or ArgumentException)
        {
            System.Console.Error.WriteLine("OmaDm.Server: " + e.Message);
            return 2;
        }
        await using (server)
        {
            await server.StartAsync(cancel);
            System.Console.WriteLine("OmaDm.Server listening on " + string.Join(", ", server.App.Urls));
            System.Console.WriteLine("DM endpoint: " + server.BaseUrl + "/dm   admin API: " + server.BaseUrl + "/api/");
            if (options.AdminToken is null)
            {
                System.Console.WriteLine("admin token (generated): " + server.AdminToken);
            }
            await server.App.WaitForShutdownAsync(cancel);
        }
        return 0;
    }

    /// <summary>Demo hook: the console helper adds options and an action to <paramref name="demo"/> (implemented in <c>Demo/</c>).</summary>
    static partial void ConfigureDemo(Command demo);
}
