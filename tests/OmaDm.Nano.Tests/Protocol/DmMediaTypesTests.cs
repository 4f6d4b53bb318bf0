using System.IO;
using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Protocol;

namespace OmaDm.Nano.Tests.Protocol
{
    [TestClass]
    public class DmMediaTypesTests
    {
        [TestMethod]
        public void Matches_CaseAndParameters_Ignored()
        {
            Assert.IsTrue(DmMediaTypes.Matches("application/vnd.oma.dm.request+json", DmMediaTypes.Request));
            Assert.IsTrue(DmMediaTypes.Matches("Application/VND.oma.dm.request+JSON; charset=utf-8", DmMediaTypes.Request));
            Assert.IsTrue(DmMediaTypes.Matches(" application/vnd.oma.dm.request+json ;x=y", DmMediaTypes.Request));
        }

        [TestMethod]
        public void Matches_OtherTypes_False()
        {
            Assert.IsFalse(DmMediaTypes.Matches(null, DmMediaTypes.Request));
            Assert.IsFalse(DmMediaTypes.Matches("", DmMediaTypes.Request));
            Assert.IsFalse(DmMediaTypes.Matches("application/json", DmMediaTypes.Request));
            Assert.IsFalse(DmMediaTypes.Matches("application/vnd.oma.dm.request+jsonx", DmMediaTypes.Request));
        }

        [TestMethod]
        public void BoundedReadStream_OverLimit_EndsAndFlags()
        {
            BoundedReadStream bounded = new BoundedReadStream();
            bounded.Reset(new MemoryStream(Encoding.UTF8.GetBytes("abcdef")), 4);
            byte[] buffer = new byte[10];

            Assert.AreEqual(4, bounded.Read(buffer, 0, 10));
            Assert.IsFalse(bounded.LimitExceeded, "not known until the next read");
            Assert.AreEqual(0, bounded.Read(buffer, 0, 10));
            Assert.IsTrue(bounded.LimitExceeded);
        }

        [TestMethod]
        public void BoundedReadStream_ExactlyAtLimit_NotFlagged()
        {
            BoundedReadStream bounded = new BoundedReadStream();
            bounded.Reset(new MemoryStream(Encoding.UTF8.GetBytes("abcd")), 4);
            byte[] buffer = new byte[10];

            Assert.AreEqual(4, bounded.Read(buffer, 0, 10));
            Assert.AreEqual(0, bounded.Read(buffer, 0, 10));
            Assert.IsFalse(bounded.LimitExceeded);
        }
    }
}
