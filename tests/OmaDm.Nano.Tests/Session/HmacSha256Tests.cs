using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Session;

namespace OmaDm.Nano.Tests.Session
{
    [TestClass]
    public class HmacSha256Tests
    {
        private static string Hex(byte[] bytes)
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < bytes.Length; i++)
            {
                text.Append("0123456789abcdef"[bytes[i] >> 4]);
                text.Append("0123456789abcdef"[bytes[i] & 0x0F]);
            }

            return text.ToString();
        }

        [TestMethod]
        public void Hash_Fips180Vectors_Match()
        {
            Assert.AreEqual("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hex(HmacSha256.Hash(new byte[0], null)));
            Assert.AreEqual("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hex(HmacSha256.Hash(Encoding.UTF8.GetBytes("abc"), null)));
            Assert.AreEqual("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                Hex(HmacSha256.Hash(Encoding.UTF8.GetBytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"), null)));
        }

        [TestMethod]
        public void Compute_Rfc4231Vectors_Match()
        {
            byte[] key1 = new byte[20];
            for (int i = 0; i < key1.Length; i++)
            {
                key1[i] = 0x0b;
            }

            Assert.AreEqual("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", Hex(HmacSha256.Compute(key1, Encoding.UTF8.GetBytes("Hi There"))));
            Assert.AreEqual("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Hex(HmacSha256.Compute(Encoding.UTF8.GetBytes("Jefe"), Encoding.UTF8.GetBytes("what do ya want for nothing?"))));

            byte[] key6 = new byte[131];
            for (int i = 0; i < key6.Length; i++)
            {
                key6[i] = 0xaa;
            }

            Assert.AreEqual("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                Hex(HmacSha256.Compute(key6, Encoding.UTF8.GetBytes("Test Using Larger Than Block-Size Key - Hash Key First"))), "key longer than a block");
        }
    }
}
