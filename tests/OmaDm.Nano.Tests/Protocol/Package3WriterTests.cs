using System.IO;
using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Json;
using OmaDm.Nano.Protocol;

namespace OmaDm.Nano.Tests.Protocol
{
    [TestClass]
    public class Package3WriterTests
    {
        [TestMethod]
        public void Write_Statuses_MatchGoldenBytes()
        {
            MemoryStream body = new MemoryStream();
            Package3Writer writer = new Package3Writer(new byte[64]);

            writer.Begin(body);
            writer.WriteStatus(200);
            writer.WriteStatus(404);
            writer.WriteStatus(200, "urn:oma:mo:x:1.0/m2");
            writer.End();

            byte[] bytes = body.ToArray();
            Assert.AreEqual("{\"Status\":[{\"sc\":200},{\"sc\":404},{\"sc\":200,\"URI\":[\"urn:oma:mo:x:1.0/m2\"]}]}",
                Encoding.UTF8.GetString(bytes, 0, bytes.Length));
            Assert.AreEqual(3, writer.StatusCount);
            Assert.IsFalse(writer.IsOpen);
        }

        [TestMethod]
        public void Write_NoStatus_IsEmptyArray()
        {
            MemoryStream body = new MemoryStream();
            Package3Writer writer = new Package3Writer(new byte[JsonWriter.MinBufferBytes]);

            writer.Begin(body);
            writer.End();

            byte[] bytes = body.ToArray();
            Assert.AreEqual("{\"Status\":[]}", Encoding.UTF8.GetString(bytes, 0, bytes.Length));
        }
    }
}
