using nanoFramework.TestFramework;
using OmaDm.Nano.Firmware;

namespace OmaDm.Nano.Tests.Firmware
{
    [TestClass]
    public class McuBootTlvTests
    {
        // Info header (0x6907, total 4+4+2+4+3 = 17), entry type 0x01 len 2, entry type 0x10 len 3.
        private static byte[] Area()
        {
            return new byte[] { 0x07, 0x69, 17, 0, 0x01, 0x00, 2, 0, 0xAA, 0xBB, 0x10, 0x00, 3, 0, 1, 2, 3 };
        }

        [TestMethod]
        public void Find_PresentEntry_ReturnsItsValue()
        {
            int at;
            int length;
            Assert.AreEqual((int)SlotResult.Success, (int)McuBootTlv.Find(Area(), 0, 17, McuBootTlv.TypeSha256, out at, out length));
            Assert.AreEqual(14, at);
            Assert.AreEqual(3, length);
        }

        [TestMethod]
        public void Find_AbsentEntry_SuccessWithMinusOne()
        {
            int at;
            int length;
            Assert.AreEqual((int)SlotResult.Success, (int)McuBootTlv.Find(Area(), 0, 17, McuBootTlv.TypeEcdsaSignature, out at, out length));
            Assert.AreEqual(-1, at);
        }

        [TestMethod]
        public void Find_WrongInfoMagic_BadTlv()
        {
            byte[] area = Area();
            area[1] = 0x68;
            int at;
            int length;
            Assert.AreEqual((int)SlotResult.BadTlv, (int)McuBootTlv.Find(area, 0, 17, McuBootTlv.TypeSha256, out at, out length));
        }

        [TestMethod]
        public void Find_TotalDisagreesWithTheAvailableBytes_BadTlv()
        {
            int at;
            int length;
            Assert.AreEqual((int)SlotResult.BadTlv, (int)McuBootTlv.Find(Area(), 0, 16, McuBootTlv.TypeSha256, out at, out length), "the area must fill exactly the bytes after the hashed part");
        }

        [TestMethod]
        public void Find_EntryRunningPastTheEnd_BadTlv()
        {
            byte[] area = Area();
            area[12] = 4;
            int at;
            int length;
            Assert.AreEqual((int)SlotResult.BadTlv, (int)McuBootTlv.Find(area, 0, 17, McuBootTlv.TypeSha256, out at, out length));
        }

        [TestMethod]
        public void Find_TruncatedEntryHeader_BadTlv()
        {
            byte[] area = new byte[] { 0x07, 0x69, 6, 0, 0x10, 0x00 };
            int at;
            int length;
            Assert.AreEqual((int)SlotResult.BadTlv, (int)McuBootTlv.Find(area, 0, 6, McuBootTlv.TypeSha256, out at, out length));
        }
    }
}
