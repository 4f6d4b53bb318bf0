using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Storage;

namespace OmaDm.Nano.Tests.Storage
{
    [TestClass]
    public class Crc32Tests
    {
        [TestMethod]
        public void Compute_CheckString_MatchesIeeeCheckValue()
        {
            byte[] data = Encoding.UTF8.GetBytes("123456789");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length), "the published CRC-32/ISO-HDLC check value");
        }

        [TestMethod]
        public void Compute_QuickBrownFox_MatchesZlib()
        {
            byte[] data = Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog");
            Assert.AreEqual(0x414FA339u, Crc32.Compute(data, 0, data.Length), "value from Python zlib.crc32");
        }

        [TestMethod]
        public void Compute_Empty_IsZero()
        {
            Assert.AreEqual(0u, Crc32.Compute(new byte[0], 0, 0));
        }

        [TestMethod]
        public void Append_TwoParts_EqualsWhole()
        {
            byte[] data = Encoding.UTF8.GetBytes("123456789");
            uint first = Crc32.Compute(data, 0, 4);
            Assert.AreEqual(0xCBF43926u, Crc32.Append(first, data, 4, 5));
        }

        [TestMethod]
        public void Compute_OffsetAndCount_UseOnlyThatRange()
        {
            byte[] data = Encoding.UTF8.GetBytes("xx123456789yy");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 2, 9));
        }
    }
}
