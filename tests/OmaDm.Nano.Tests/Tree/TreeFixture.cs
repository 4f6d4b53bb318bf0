using System.IO;
using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Addressing;
using OmaDm.Nano.Json;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tests.Fakes;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Tests.Tree
{
    /// <summary>
    /// A tree over an in-memory flash with one app MO type (<see cref="Moid"/>) covering every format,
    /// a dynamic placeholder subtree, a secret leaf, an EXEC node and a stream sink. Built fresh per test.
    /// </summary>
    public sealed class TreeFixture
    {
        public const string Moid = "urn:oma:mo:test-app:1.0";
        public const string Server = "srv";

        public readonly MemoryFlashFiles Flash;
        public readonly RecordStore Store;
        public readonly ManagementTree Tree;
        public readonly MoType Type;

        /// <summary>Last EXEC request the handler saw, and what it answers.</summary>
        public ExecRequest LastExec;
        public int ExecAnswer = 200;

        /// <summary>Bytes the stream sink received, and what it answers.</summary>
        public byte[] SinkBytes;
        public int SinkAnswer = 200;

        /// <summary>Values the setter saw on "Guarded"; it refuses "bad" with 403.</summary>
        public string LastGuarded;

        public TreeFixture() : this(new MemoryFlashFiles())
        {
        }

        public TreeFixture(MemoryFlashFiles flash)
        {
            Flash = flash;
            Store = new RecordStore(flash);
            Assert.AreEqual((int)StoreResult.Success, (int)Store.Load());
            Tree = new ManagementTree(Store);
            Type = CreateType();
            Tree.Register(Type);
        }

        /// <summary>The same flash after a reset: a new store and tree, types registered, not yet loaded.</summary>
        public TreeFixture Reboot()
        {
            return new TreeFixture(Flash.Reboot());
        }

        private MoType CreateType()
        {
            MoType type = new MoType(Moid, "http://example.com/test.ddf");
            type.AllowServerCreate = true;
            type.Root.Access = AccessRights.Get | AccessRights.Delete;
            const AccessRights rw = AccessRights.Get | AccessRights.Replace;
            MoNode root = type.Root;
            root.Add(MoNode.Leaf("Name", NodeFormat.Chr, rw));
            root.Add(MoNode.Leaf("Count", NodeFormat.Int, rw));
            root.Add(MoNode.Leaf("On", NodeFormat.Bool, rw));
            root.Add(MoNode.Leaf("Ratio", NodeFormat.Float, rw));
            root.Add(MoNode.Leaf("Blob", NodeFormat.Bin, rw)).MaxValueBytes = 8;
            root.Add(MoNode.Leaf("Day", NodeFormat.Date, rw));
            root.Add(MoNode.Leaf("Fixed", NodeFormat.Chr, AccessRights.Get)).DefaultText = "fixed";
            root.Add(MoNode.Leaf("Key", NodeFormat.Chr, AccessRights.Replace)).IsSecret = true;
            root.Add(MoNode.Leaf("Guarded", NodeFormat.Chr, rw)).Setter = Guard;
            MoNode items = root.Add(MoNode.Interior("Items", AccessRights.Get));
            MoNode item = items.Add(MoNode.Placeholder(NodeFormat.Node, AccessRights.Get | AccessRights.Add | AccessRights.Delete));
            item.Add(MoNode.Leaf("Value", NodeFormat.Chr, rw));
            MoNode reset = root.Add(MoNode.Leaf("Reset", NodeFormat.Chr, AccessRights.Exec));
            reset.ExecHandler = Exec;
            MoNode sink = root.Add(MoNode.Leaf("Data", NodeFormat.Bin, AccessRights.Replace));
            sink.StreamSink = Sink;
            return type;
        }

        private int Exec(ExecRequest request)
        {
            LastExec = request;
            return ExecAnswer;
        }

        private int Sink(StreamSinkRequest request)
        {
            MemoryStream copy = new MemoryStream();
            byte[] buffer = new byte[7];
            int n;
            while ((n = request.Body.Read(buffer, 0, buffer.Length)) > 0)
            {
                copy.Write(buffer, 0, n);
            }
            SinkBytes = copy.ToArray();
            return SinkAnswer;
        }

        private int Guard(MoInstance instance, string path, byte[] value)
        {
            LastGuarded = Encoding.UTF8.GetString(value, 0, value.Length);
            return LastGuarded == "bad" ? 403 : 200;
        }

        /// <summary>Adds a static instance "i1" with a few values set.</summary>
        public MoInstance AddSample(string miid)
        {
            MoInstance instance = Tree.AddInstance(Moid, miid);
            Assert.AreEqual(200, instance.SetText("Name", "dev"));
            Assert.AreEqual(200, instance.SetInt64("Count", 42));
            return instance;
        }

        public static ClientUri Uri(string text)
        {
            ClientUri uri;
            int status;
            Assert.IsTrue(ClientUri.TryParse(text, out uri, out status), "test URI must parse: " + text);
            return uri;
        }

        /// <summary>The GET status object as text, and its status.</summary>
        public string Get(string uri, string serverId, out int status)
        {
            MemoryStream output = new MemoryStream();
            JsonWriter writer = new JsonWriter(output, new byte[64]);
            status = Tree.WriteGetStatus(Uri(uri), serverId, writer);
            writer.Flush();
            return Text(output.ToArray());
        }

        /// <summary>The GET status object for <see cref="Server"/>.</summary>
        public string Get(string uri)
        {
            int status;
            return Get(uri, Server, out status);
        }

        /// <summary>The HPUT/HPOST body as text ("" when refused), and the status.</summary>
        public string Serialize(string uri, string serverId, out int status)
        {
            MemoryStream output = new MemoryStream();
            JsonWriter writer = new JsonWriter(output, new byte[64]);
            status = Tree.Serialize(Uri(uri), serverId, writer);
            writer.Flush();
            return Text(output.ToArray());
        }

        /// <summary>HGET of <paramref name="body"/> into <paramref name="uri"/> for <see cref="Server"/>.</summary>
        public int Write(string uri, string contentType, string body)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            return Tree.WriteFromBody(Uri(uri), Server, contentType, new MemoryStream(bytes), bytes.Length);
        }

        public static byte[] Utf8(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        public static string Text(byte[] bytes)
        {
            return Encoding.UTF8.GetString(bytes, 0, bytes.Length);
        }

        /// <summary>The GET text with the "cv" member removed (its value changes per boot).</summary>
        public static string WithoutCv(string json)
        {
            int at = json.IndexOf(",\"cv\":\"");
            if (at < 0)
            {
                return json;
            }
            int end = json.IndexOf('"', at + 7);
            return json.Substring(0, at) + json.Substring(end + 1);
        }
    }
}
