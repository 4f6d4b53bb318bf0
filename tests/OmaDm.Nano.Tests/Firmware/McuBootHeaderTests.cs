using nanoFramework.TestFramework;
using OmaDm.Nano.Firmware;

namespace OmaDm.Nano.Tests.Firmware
{
    [TestClass]
    public class McuBootHeaderTests
    {
        // Written by hand from MCUboot's struct image_header: magic, load address, header size 0x200,
        // protected TLV size 0, image size 0x00012345, flags 0, version 1.2.0x0304+0x05060708, pad.
        private static byte[] Golden()
        {
            return new byte[]
            {
                0x3d, 0xb8, 0xf3, 0x96, 0x00, 0x00, 0x00, 0x10, 0x00, 0x02, 0x00, 0x00, 0x45, 0x23, 0x01, 0x00,
                0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x04, 0x03, 0x08, 0x07, 0x06, 0x05, 0x00, 0x00, 0x00, 0x00
            };
        }

        [TestMethod]
        public void TryParse_GoldenHeader_ReadsEveryField()
        {
            McuBootHeader header;
            Assert.AreEqual((int)SlotResult.Success, (int)McuBootHeader.TryParse(Golden(), 0, out header));
            Assert.AreEqual((uint)0x10000000, header.LoadAddress);
            Assert.AreEqual(0x200, header.HeaderSize);
            Assert.AreEqual(0, header.ProtectedTlvSize);
            Assert.AreEqual(0x12345, header.ImageSize);
            Assert.AreEqual(1, header.Major);
            Assert.AreEqual(2, header.Minor);
            Assert.AreEqual(0x0304, header.Revision);
            Assert.AreEqual((uint)0x05060708, header.Build);
            Assert.AreEqual(0x200 + 0x12345, header.HashedLength);
            Assert.AreEqual("1.2.772+84281096", header.VersionText);
        }

        [TestMethod]
        public void TryParse_AtAnOffset_ReadsFromThere()
        {
            byte[] data = new byte[40];
            byte[] golden = Golden();
            for (int i = 0; i < golden.Length; i++)
            {
                data[8 + i] = golden[i];
            }

            McuBootHeader header;
            Assert.AreEqual((int)SlotResult.Success, (int)McuBootHeader.TryParse(data, 8, out header));
            Assert.AreEqual(0x12345, header.ImageSize);
        }

        [TestMethod]
        public void TryParse_WrongMagic_BadMagic()
        {
            byte[] data = Golden();
            data[3] = 0x97;
            McuBootHeader header;
            Assert.AreEqual((int)SlotResult.BadMagic, (int)McuBootHeader.TryParse(data, 0, out header));
            Assert.IsNull(header);
        }

        [TestMethod]
        public void TryParse_HeaderSizeBelow32_BadMagic()
        {
            byte[] data = Golden();
            data[8] = 16;
            data[9] = 0;
            McuBootHeader header;
            Assert.AreEqual((int)SlotResult.BadMagic, (int)McuBootHeader.TryParse(data, 0, out header), "a header cannot be shorter than itself");
        }

        [TestMethod]
        public void TryParse_ZeroImageSize_BadMagic()
        {
            byte[] data = Golden();
            data[12] = 0;
            data[13] = 0;
            data[14] = 0;
            McuBootHeader header;
            Assert.AreEqual((int)SlotResult.BadMagic, (int)McuBootHeader.TryParse(data, 0, out header));
        }

        [TestMethod]
        public void TryParse_HugeImageSize_BadMagic()
        {
            byte[] data = Golden();
            data[15] = 0xFF;
            McuBootHeader header;
            Assert.AreEqual((int)SlotResult.BadMagic, (int)McuBootHeader.TryParse(data, 0, out header), "sizes that overflow an int are not an image");
        }

        [TestMethod]
        public void TryParse_FewerThan32Bytes_BadArgument()
        {
            McuBootHeader header;
            Assert.AreEqual((int)SlotResult.BadArgument, (int)McuBootHeader.TryParse(new byte[31], 0, out header));
            Assert.AreEqual((int)SlotResult.BadArgument, (int)McuBootHeader.TryParse(Golden(), 1, out header));
            Assert.AreEqual((int)SlotResult.BadArgument, (int)McuBootHeader.TryParse(null, 0, out header));
        }

        [TestMethod]
        public void CompareVersion_OrdersByMajorMinorRevisionBuild()
        {
            McuBootHeader a = Parse(1, 2, 3, 4);
            Assert.IsTrue(a.CompareVersion(Parse(1, 2, 3, 5)) < 0);
            Assert.IsTrue(a.CompareVersion(Parse(1, 3, 0, 0)) < 0);
            Assert.IsTrue(a.CompareVersion(Parse(0, 9, 9, 9)) > 0);
            Assert.AreEqual(0, a.CompareVersion(Parse(1, 2, 3, 4)));
        }

        private static McuBootHeader Parse(int major, int minor, int revision, int build)
        {
            byte[] data = Golden();
            data[20] = (byte)major;
            data[21] = (byte)minor;
            data[22] = (byte)revision;
            data[23] = 0;
            data[24] = (byte)build;
            data[25] = 0;
            data[26] = 0;
            data[27] = 0;
            McuBootHeader header;
            McuBootHeader.TryParse(data, 0, out header);
            return header;
        }
    }
}
