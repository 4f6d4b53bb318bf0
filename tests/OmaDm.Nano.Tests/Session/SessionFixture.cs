using System.Text;
using OmaDm.Nano.Platform;
using OmaDm.Nano.Session;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tests.Fakes;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Tests.Session
{
    /// <summary>
    /// A device with one test MO instance (<c>urn:oma:mo:test-dev:1.0/t1</c>), a scripted server and a
    /// DM Account "srv" at https://dm.example.com/dm. Built fresh in every test.
    /// </summary>
    internal sealed class SessionFixture
    {
        public const string Moid = "urn:oma:mo:test-dev:1.0";
        public const string CfgMoid = "urn:oma:mo:test-cfg:1.0";
        public const string ServerUri = "https://dm.example.com/dm";
        public const string P1Type = "application/vnd.oma.dm.initiation+json";
        public const string P3Type = "application/vnd.oma.dm.response+json";

        public readonly MemoryFlashFiles Flash;
        public RecordStore Store;
        public ManagementTree Tree;
        public readonly ScriptedTransport Transport = new ScriptedTransport();
        public readonly FakeClock Clock = new FakeClock();
        public DmClient Client;
        public MoInstance Instance;
        public int SyncExecCalls;
        public int AsyncExecCalls;
        public ExecRequest LastExec;
        public long AdvanceClockOnExecMs;

        public SessionFixture() : this(new MemoryFlashFiles())
        {
        }

        public SessionFixture(MemoryFlashFiles flash)
        {
            Flash = flash;
            Boot();
        }

        /// <summary>Simulates a reset: new store, tree and client over the same flash.</summary>
        public void Boot()
        {
            Store = new RecordStore(Flash);
            Store.Load();
            Tree = new ManagementTree(Store);

            MoType type = new MoType(Moid, "http://x/ddf");
            type.Root.Add(MoNode.Leaf("Name", NodeFormat.Chr, AccessRights.Get | AccessRights.Replace)).DefaultText = "dev";
            type.Root.Add(MoNode.Leaf("Count", NodeFormat.Int, AccessRights.Get | AccessRights.Replace)).DefaultText = "7";
            MoNode secret = type.Root.Add(MoNode.Leaf("Secret", NodeFormat.Chr, AccessRights.Replace));
            secret.IsSecret = true;
            type.Root.Add(MoNode.Leaf("Fixed", NodeFormat.Chr, AccessRights.Get)).DefaultText = "ro";
            MoNode reboot = type.Root.Add(MoNode.Leaf("Reboot", NodeFormat.Chr, AccessRights.Exec));
            reboot.ExecHandler = SyncExec;
            MoNode update = type.Root.Add(MoNode.Leaf("Update", NodeFormat.Chr, AccessRights.Exec));
            update.ExecHandler = AsyncExec;
            MoNode dyn = type.Root.Add(MoNode.Interior("Dyn", AccessRights.Get | AccessRights.Add));
            dyn.Add(MoNode.Placeholder(NodeFormat.Chr, AccessRights.Get | AccessRights.Replace | AccessRights.Delete));
            Tree.Register(type);

            MoType cfg = new MoType(CfgMoid, "http://x/cfg-ddf");
            cfg.AllowServerCreate = true;
            cfg.MiidPrefix = "c";
            cfg.Root.Access = AccessRights.Get | AccessRights.Delete;
            cfg.Root.Add(MoNode.Leaf("Level", NodeFormat.Int, AccessRights.Get | AccessRights.Replace));
            Tree.Register(cfg);

            Instance = Tree.AddInstance(Moid, "t1");
            Tree.Load(); // after the static instance, so its stored values come back

            Client = new DmClient(Tree, Transport, Clock, "TEST:0001");
            Client.Account = Account();
        }

        public static DmAccount Account()
        {
            DmAccount account = new DmAccount();
            account.ServerId = "srv";
            account.ServerUri = ServerUri;
            account.UserName = "user";
            account.Password = "pass";
            account.NotificationSecret = "noti-secret";
            return account;
        }

        public static string Package2(string commands)
        {
            return "{\"CMD\":[" + commands + "]}";
        }

        /// <summary>Body of the n-th DM package sent (0 = Package#1).</summary>
        public string DmBody(int n)
        {
            int seen = 0;
            for (int i = 0; i < Transport.RequestCount; i++)
            {
                ScriptedRequest request = Transport.Request(i);
                if (request.Sent && request.ContentType != null && request.ContentType.IndexOf("vnd.oma.dm") >= 0)
                {
                    if (seen == n)
                    {
                        return request.Body;
                    }

                    seen++;
                }
            }

            return null;
        }

        /// <summary>The n-th DM request sent.</summary>
        public ScriptedRequest DmRequest(int n)
        {
            int seen = 0;
            for (int i = 0; i < Transport.RequestCount; i++)
            {
                ScriptedRequest request = Transport.Request(i);
                if (request.Sent && request.ContentType != null && request.ContentType.IndexOf("vnd.oma.dm") >= 0)
                {
                    if (seen == n)
                    {
                        return request;
                    }

                    seen++;
                }
            }

            return null;
        }

        /// <summary>Runs a session of one scripted package followed by END; returns the Package#3 body.</summary>
        public string RunOne(string commands)
        {
            Transport.EnqueuePackage2(Package2(commands));
            Transport.EnqueuePackage2(Package2("[\"END\"]"));
            SessionOutcome outcome = Client.Run();
            if (outcome.Result != SessionResult.Completed)
            {
                return "session " + outcome.Describe();
            }

            return DmBody(1);
        }

        public string Text(string path)
        {
            return Instance.GetText(path);
        }

        private int SyncExec(ExecRequest request)
        {
            SyncExecCalls++;
            LastExec = request;
            Clock.Uptime += AdvanceClockOnExecMs;
            return 200;
        }

        private int AsyncExec(ExecRequest request)
        {
            AsyncExecCalls++;
            LastExec = request;
            return 202;
        }

        public static byte[] Utf8(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }
    }
}
