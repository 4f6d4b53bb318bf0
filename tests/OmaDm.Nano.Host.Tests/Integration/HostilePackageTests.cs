using System.Text;
using System.Text.Json;
using CsCheck;
using OmaDm.Nano.Host.Device;
using OmaDm.Nano.Host.Storage;
using OmaDm.Nano.Platform;
using OmaDm.Nano.Protocol;
using OmaDm.Nano.Session;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Host.Tests.Integration;

/// <summary>
/// Randomized hostile Package#2s and notifications: the client answers or aborts with a result,
/// never throws, never reports an internal error, and its Package#3 (when sent) is valid JSON with
/// exactly one status per command (System.Text.Json is the independent judge).
/// </summary>
[TestClass]
public sealed class HostilePackageTests
{
    private static readonly string[] Names = ["GET", "HGET", "HPUT", "HPOST", "DELETE", "EXEC", "SHOW", "CONT", "END", "DEFAULT", "SUB", "UNSUB", "get", "FROB", ""];

    private static readonly string[] Args =
    [
        "urn:oma:mo:test-dev:1.0//Name", "oma:mo:test-dev:1.0/t1/Count", "urn:oma:mo:test-dev:1.0/*/Name", "urn:oma:mo:test-dev:1.0/t1/../x",
        "urn:oma:mo:test-dev:1.0/t1/Dyn/a?cv=1", "https://repo.invalid/x", "http://127.0.0.1:1/none", "", "\u0001", "urn:oma:mo:x:1.0//", "javascript:alert(1)",
        new string('a', 1500), "urn:oma:mo:test-dev:1.0//Reboot",
    ];

    private static readonly string[] Odd =
        ["1", "\"GET\"", "{}", "[]", "[1]", "null", "[\"GET\",{\"a\":[1,2]}]", "[\"EXEC\",\"urn:oma:mo:test-dev:1.0//Reboot\",\"\",\"c\",\"x\"]"];

    /// <summary>A DmClient over a one-shot in-memory transport that answers every DM POST with <c>body</c> and nothing else.</summary>
    private sealed class OneShotTransport(byte[] first, byte[] then) : IHttpTransport
    {
        private readonly byte[] _first = first;
        private readonly byte[] _then = then;
        private int _posts;
        public readonly List<byte[]> Sent = [];

        public IHttpExchange Open(HttpRequest request) => new Exchange(this, request);

        private sealed class Exchange(OneShotTransport owner, HttpRequest request) : IHttpExchange
        {
            private readonly MemoryStream _body = new();
            private byte[]? _answer;
            private int _status;

            public Stream RequestBody => _body;

            public TransportResult Send()
            {
                bool dm = request.ContentType?.Contains("vnd.oma.dm") == true;
                if (dm)
                {
                    owner.Sent.Add(_body.ToArray());
                    _answer = owner._posts++ == 0 ? owner._first : owner._then;
                    _status = 200;
                }
                else
                {
                    _answer = [];
                    _status = 404; // repositories are unreachable in this test
                }

                return TransportResult.Success;
            }

            public int StatusCode => _status;
            public string ContentType => "application/vnd.oma.dm.request+json";
            public long ContentLength => _answer?.Length ?? -1;
            public string? ETag => null;
            public long RangeStart => -1;
            public long RangeTotal => -1;
            public Stream ResponseBody => new MemoryStream(_answer ?? []);
            public void Dispose() { }
        }
    }

    private static (DmClient Client, OneShotTransport Transport, string Dir) Device(byte[] package2)
    {
        string dir = Path.Combine(Path.GetTempPath(), "omadm-hostile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var store = new RecordStore(new DirectoryFlashFiles(dir));
        store.Load();
        var tree = new ManagementTree(store);
        var type = new MoType("urn:oma:mo:test-dev:1.0", "http://x/ddf");
        type.Root.Add(MoNode.Leaf("Name", NodeFormat.Chr, AccessRights.Get | AccessRights.Replace)).DefaultText = "dev";
        type.Root.Add(MoNode.Leaf("Count", NodeFormat.Int, AccessRights.Get | AccessRights.Replace)).DefaultText = "1";
        type.Root.Add(MoNode.Leaf("Reboot", NodeFormat.Chr, AccessRights.Exec)).ExecHandler = _ => 200;
        type.Root.Add(MoNode.Interior("Dyn", AccessRights.Get | AccessRights.Add))
            .Add(MoNode.Placeholder(NodeFormat.Chr, AccessRights.Get | AccessRights.Replace | AccessRights.Delete));
        tree.Register(type);
        tree.AddInstance("urn:oma:mo:test-dev:1.0", "t1");
        tree.Load();
        var transport = new OneShotTransport(package2, "{\"CMD\":[[\"END\"]]}"u8.ToArray());
        var client = new DmClient(tree, transport, new SystemClock(), "HOSTILE-1")
        {
            Account = new DmAccount { ServerId = "srv", ServerUri = "https://dm.invalid/dm", NotificationSecret = "k" },
        };
        return (client, transport, dir);
    }

    private static int CountCommands(byte[] package2)
    {
        using var doc = JsonDocument.Parse(package2);
        int count = 0;
        foreach (var member in doc.RootElement.EnumerateObject())
        {
            if (member.Name == "CMD")
            {
                foreach (var command in member.Value.EnumerateArray())
                {
                    count++;
                    if (command.ValueKind == JsonValueKind.Array && command.GetArrayLength() > 0
                        && command[0].ValueKind == JsonValueKind.String && command[0].GetString() == "END")
                    {
                        return -1; // END: nothing is sent back
                    }
                }
            }
        }

        return count;
    }

    [TestMethod]
    public void RandomCommandArrays_OneStatusPerCommand_NeverInternalError()
    {
        var element = Gen.OneOf(
            Gen.Select(Gen.Int[0, Names.Length - 1], Gen.Int[0, Args.Length - 1].Array[0, 4])
                .Select((n, a) => "[" + string.Join(",", new[] { JsonSerializer.Serialize(Names[n]) }.Concat(a.Select(i => JsonSerializer.Serialize(Args[i])))) + "]"),
            Gen.Int[0, Odd.Length - 1].Select(i => Odd[i]));
        Gen.Select(element.Array[0, 30], Gen.Bool).Sample((commands, extraMember) =>
        {
            string json = "{" + (extraMember ? "\"Ver\":{\"x\":[1]}," : "") + "\"CMD\":[" + string.Join(",", commands) + "]}";
            byte[] package2 = Encoding.UTF8.GetBytes(json);
            var (client, transport, dir) = Device(package2);
            try
            {
                SessionOutcome outcome = client.Run();
                Assert.AreEqual(SessionResult.Completed, outcome.Result, json + " → " + outcome.Describe());
                int expected = CountCommands(package2);
                if (expected < 0)
                {
                    Assert.HasCount(1, transport.Sent, "END in the first package: only Package#1 went out");
                }
                else
                {
                    using var p3 = JsonDocument.Parse(transport.Sent[1]);
                    Assert.AreEqual(expected, p3.RootElement.GetProperty("Status").GetArrayLength(), json);
                }
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }, iter: 500);
    }

    [TestMethod]
    public void MutatedPackages_AnswerOrAbort_NeverInternalError()
    {
        byte[] seed = Encoding.UTF8.GetBytes(
            "{\"CMD\":[[\"GET\",\"urn:oma:mo:test-dev:1.0//Name\"],[\"EXEC\",\"urn:oma:mo:test-dev:1.0//Reboot\",\"\",\"c\"],[\"DELETE\",\"urn:oma:mo:test-dev:1.0/t1/Dyn/a\"],[\"CONT\",\"https://dm.invalid/2\"]]}");
        Gen.Select(Gen.Int[0, seed.Length - 1].Array[1, 6], Gen.Byte.Array[1, 6], Gen.Int[0, seed.Length]).Sample((positions, values, cut) =>
        {
            byte[] mutated = seed.Take(cut).ToArray();
            for (int i = 0; i < positions.Length && i < values.Length; i++)
            {
                if (positions[i] < mutated.Length)
                {
                    mutated[positions[i]] = values[i];
                }
            }

            var (client, _, dir) = Device(mutated);
            try
            {
                SessionOutcome outcome = client.Run();
                Assert.AreNotEqual(SessionResult.InternalError, outcome.Result, Encoding.UTF8.GetString(mutated));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }, iter: 1000);
    }

    [TestMethod]
    public void RandomNotificationBytes_NeverAccepted_NeverThrow()
    {
        var (client, transport, dir) = Device("{\"CMD\":[[\"END\"]]}"u8.ToArray());
        try
        {
            Gen.Byte.Array[0, 600].Sample(bytes =>
            {
                NotificationResult result = client.HandleNotification(bytes, 0, bytes.Length, out SessionOutcome? outcome);
                Assert.AreNotEqual(NotificationResult.Accepted, result);
                Assert.IsNull(outcome);
            }, iter: 2000);
            Assert.IsEmpty(transport.Sent, "no session from random bytes");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
