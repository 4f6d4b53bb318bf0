using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Protocol;

namespace OmaDm.Nano.Tests.Protocol
{
    [TestClass]
    public class GenericAlertTests
    {
        [TestMethod]
        public void ToRecord_AllFields_MatchesGoldenBytesAndParsesBack()
        {
            GenericAlert alert = new GenericAlert();
            alert.AlertType = "t";
            alert.SourceUri = "s";
            alert.TargetUri = "u";
            alert.Mark = "critical";
            alert.DataType = "int";
            alert.Data = "410";
            alert.Correlator = "c\"1";

            byte[] record = alert.ToRecord();
            GenericAlert back;

            Assert.AreEqual("{\"AlertType\":\"t\",\"SourceURI\":\"s\",\"TargetURI\":\"u\",\"Mark\":\"critical\",\"DataType\":\"int\",\"Data\":\"410\",\"Correlator\":\"c\\\"1\"}",
                Encoding.UTF8.GetString(record, 0, record.Length));
            Assert.IsTrue(GenericAlert.TryParse(record, out back));
            Assert.AreEqual("t", back.AlertType);
            Assert.AreEqual("s", back.SourceUri);
            Assert.AreEqual("u", back.TargetUri);
            Assert.AreEqual("critical", back.Mark);
            Assert.AreEqual("int", back.DataType);
            Assert.AreEqual("410", back.Data);
            Assert.AreEqual("c\"1", back.Correlator);
        }

        [TestMethod]
        public void TryParse_Junk_ReturnsFalse()
        {
            GenericAlert alert;
            Assert.IsFalse(GenericAlert.TryParse(null, out alert));
            Assert.IsFalse(GenericAlert.TryParse(new byte[0], out alert));
            Assert.IsFalse(GenericAlert.TryParse(Encoding.UTF8.GetBytes("{\"AlertType\":"), out alert));
            Assert.IsFalse(GenericAlert.TryParse(Encoding.UTF8.GetBytes("{\"Data\":\"1\"}"), out alert), "AlertType is required");
            Assert.IsFalse(GenericAlert.TryParse(Encoding.UTF8.GetBytes("[1]"), out alert));
            Assert.IsNull(alert);
        }

        [TestMethod]
        public void TryParse_UnknownAndNonStringMembers_AreSkipped()
        {
            GenericAlert alert;
            Assert.IsTrue(GenericAlert.TryParse(Encoding.UTF8.GetBytes("{\"X\":{\"a\":1},\"AlertType\":\"t\",\"Data\":5}"), out alert));
            Assert.AreEqual("t", alert.AlertType);
            Assert.IsNull(alert.Data);
        }
    }
}
