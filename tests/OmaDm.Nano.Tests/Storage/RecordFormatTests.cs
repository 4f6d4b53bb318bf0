using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tests.Fakes;

namespace OmaDm.Nano.Tests.Storage
{
    [TestClass]
    public class RecordFormatTests
    {
        // Segment 1 holding put "a" = { 0x01 }, built by hand in Python with zlib.crc32 (docs/storage.md layout):
        // header ODMS v1 kind1 seq1 count1 crc | record v1 put klen1 vlen1 'a' 01 crc | trailer ODME count1 bodyCrc crc.
        private static readonly byte[] GoldenSegment = new byte[]
        {
            0x4F, 0x44, 0x4D, 0x53, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0xCA, 0xEC, 0x96, 0x60,
            0x01, 0x01, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x61, 0x01, 0x40, 0xAE, 0x24, 0x17,
            0x4F, 0x44, 0x4D, 0x45, 0x01, 0x00, 0x00, 0x00, 0x96, 0x69, 0xE4, 0x97, 0x9D, 0x30, 0x0C, 0xE7
        };

        [TestMethod]
        public void Commit_OnePut_WritesGoldenSegment()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = new RecordStore(flash);
            Assert.AreEqual((int)StoreResult.Success, (int)store.Load());
            store.Put("a", new byte[] { 0x01 });
            Assert.AreEqual((int)StoreResult.Success, (int)store.Commit());

            string[] names = flash.FileNames;
            Assert.AreEqual(1, names.Length);
            Assert.AreEqual("seg-0000000001.log", names[0]);
            CollectionAssert.AreEqual(GoldenSegment, flash.GetFileBytes(names[0]));
        }

        [TestMethod]
        public void Load_GoldenSegment_ReadsValue()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            flash.SetFileBytes("seg-0000000001.log", GoldenSegment);
            RecordStore store = new RecordStore(flash);

            Assert.AreEqual((int)StoreResult.Success, (int)store.Load());
            CollectionAssert.AreEqual(new byte[] { 0x01 }, store.Get("a"));
            Assert.IsTrue(store.LastLoadReport.IsClean);
            Assert.AreEqual(1, store.LastLoadReport.SegmentsReplayed);
        }

        [TestMethod]
        public void Commit_ThenReboot_RoundTripsEveryShape()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = new RecordStore(flash);
            store.Load();
            byte[] big = new byte[RecordStore.MaxValueBytes];
            for (int i = 0; i < big.Length; i++)
            {
                big[i] = (byte)(i * 7);
            }
            string longKey = new string('k', RecordStore.MaxKeyBytes);
            store.Put("mo/urn:oma:mo:oma-dm-devinfo:1.0//FwV", Encoding.UTF8.GetBytes("1.0.0"));
            store.Put("empty", new byte[0]);
            store.Put("unicode/\u00e9\u4e2d", Encoding.UTF8.GetBytes("\u00fc"));
            store.Put("big", big);
            store.Put(longKey, new byte[] { 0xFF, 0x00 });
            Assert.AreEqual((int)StoreResult.Success, (int)store.Commit());

            RecordStore reloaded = new RecordStore(flash.Reboot());
            Assert.AreEqual((int)StoreResult.Success, (int)reloaded.Load());
            Assert.AreEqual(5, reloaded.Keys(null).Length);
            CollectionAssert.AreEqual(Encoding.UTF8.GetBytes("1.0.0"), reloaded.Get("mo/urn:oma:mo:oma-dm-devinfo:1.0//FwV"));
            Assert.AreEqual(0, reloaded.Get("empty").Length, "an empty value is a value, not an absence");
            CollectionAssert.AreEqual(Encoding.UTF8.GetBytes("\u00fc"), reloaded.Get("unicode/\u00e9\u4e2d"));
            CollectionAssert.AreEqual(big, reloaded.Get("big"));
            CollectionAssert.AreEqual(new byte[] { 0xFF, 0x00 }, reloaded.Get(longKey));
            Assert.IsTrue(reloaded.LastLoadReport.IsClean);
        }

        [TestMethod]
        public void Commit_RemoveRecord_RoundTripsAsAbsence()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = new RecordStore(flash);
            store.Load();
            store.Put("a", new byte[] { 1 });
            store.Put("b", new byte[] { 2 });
            store.Commit();
            store.Remove("a");
            store.Commit();

            RecordStore reloaded = new RecordStore(flash.Reboot());
            reloaded.Load();
            Assert.IsNull(reloaded.Get("a"));
            CollectionAssert.AreEqual(new byte[] { 2 }, reloaded.Get("b"));
            Assert.AreEqual(2, reloaded.LastLoadReport.SegmentsReplayed);
        }
    }
}
