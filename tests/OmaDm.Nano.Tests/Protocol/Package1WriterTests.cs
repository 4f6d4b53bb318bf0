using System.IO;
using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Protocol;

namespace OmaDm.Nano.Tests.Protocol
{
    [TestClass]
    public class Package1WriterTests
    {
        [TestMethod]
        public void Write_MosAndAlerts_MatchGoldenBytes()
        {
            MemoryStream body = new MemoryStream();
            Package1Writer writer = new Package1Writer(new byte[32]);

            writer.Begin(body);
            writer.Json.WriteStartObject();
            writer.Json.WritePropertyName("MOID");
            writer.Json.WriteString("urn:oma:mo:oma-dm-devinfo:1.0");
            writer.Json.WriteEndObject();
            writer.BeginAlerts();
            writer.WriteSessionAlert(DmAlertTypes.ServerInitiated, "7");
            GenericAlert alert = new GenericAlert();
            alert.AlertType = "org.openmobilealliance.dm.firmwareupdate.download";
            alert.SourceUri = "urn:oma:mo:oma-fumo:1.0/fumo1/Download";
            alert.DataType = "int";
            alert.Data = "200";
            writer.WriteAlert(alert);
            writer.End();

            byte[] bytes = body.ToArray();
            Assert.AreEqual(
                "{\"MOS\":[{\"MOID\":\"urn:oma:mo:oma-dm-devinfo:1.0\"}],\"Alert\":[" +
                "{\"AlertType\":\"urn:oma:at:dm:2.0:ServerInitiatedMgmt\",\"Data\":\"7\"}," +
                "{\"AlertType\":\"org.openmobilealliance.dm.firmwareupdate.download\",\"SourceURI\":\"urn:oma:mo:oma-fumo:1.0/fumo1/Download\",\"DataType\":\"int\",\"Data\":\"200\"}]}",
                Encoding.UTF8.GetString(bytes, 0, bytes.Length));
        }

        [TestMethod]
        public void Write_ClientInitiatedWithoutData_OmitsData()
        {
            MemoryStream body = new MemoryStream();
            Package1Writer writer = new Package1Writer(new byte[32]);

            writer.Begin(body);
            writer.BeginAlerts();
            writer.WriteSessionAlert(DmAlertTypes.ClientInitiated, null);
            writer.End();

            byte[] bytes = body.ToArray();
            Assert.AreEqual("{\"MOS\":[],\"Alert\":[{\"AlertType\":\"urn:oma:at:dm:2.0:ClientInitiatedMgmt\"}]}",
                Encoding.UTF8.GetString(bytes, 0, bytes.Length));
        }
    }
}
