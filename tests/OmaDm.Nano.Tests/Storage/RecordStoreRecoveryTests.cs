using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tests.Fakes;

namespace OmaDm.Nano.Tests.Storage
{
    [TestClass]
    public class RecordStoreRecoveryTests
    {
        // Offsets in a segment holding a = "1", b = "2" (records sorted by key): header 0..19,
        // record a 20..33, record b 34..47 (version 34, value 43), trailer 48..63.
        private const int RecordBVersionOffset = 34;
        private const int RecordBValueOffset = 43;
        private const string Segment1 = "seg-0000000001.log";
        private const string Segment2 = "seg-0000000002.log";
        private const string Segment3 = "seg-0000000003.log";

        private static byte[] Bytes(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        private static string Text(RecordStore store, string key)
        {
            byte[] value = store.Get(key);
            return value == null ? null : Encoding.UTF8.GetString(value, 0, value.Length);
        }

        private static RecordStore Reload(MemoryFlashFiles flash)
        {
            RecordStore store = new RecordStore(flash);
            Assert.AreEqual((int)StoreResult.Success, (int)store.Load(), "Load never fails on damaged data");
            return store;
        }

        /// <summary>Three commits: {a=0,b=0}, {a=1,b=2}, {c=3}.</summary>
        private static MemoryFlashFiles ThreeCommits()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = Reload(flash);
            store.Put("a", Bytes("0"));
            store.Put("b", Bytes("0"));
            store.Commit();
            store.Put("a", Bytes("1"));
            store.Put("b", Bytes("2"));
            store.Commit();
            store.Put("c", Bytes("3"));
            store.Commit();
            return flash;
        }

        [TestMethod]
        public void Load_TornLastSegmentAtEveryLength_KeepsPreviousStateAndDeletesIt()
        {
            MemoryFlashFiles original = ThreeCommits();
            byte[] full = original.GetFileBytes(Segment3);
            for (int length = 0; length < full.Length; length++)
            {
                MemoryFlashFiles flash = original.Reboot();
                byte[] torn = new byte[length];
                System.Array.Copy(full, torn, length);
                flash.SetFileBytes(Segment3, torn);

                RecordStore store = Reload(flash);
                Assert.AreEqual("1", Text(store, "a"));
                Assert.AreEqual("2", Text(store, "b"));
                Assert.IsNull(Text(store, "c"), "a torn commit is not applied, length " + length.ToString());
                Assert.AreEqual(1, store.LastLoadReport.TornSegmentsDiscarded);
                Assert.IsNull(flash.GetFileBytes(Segment3), "the torn segment is deleted");

                store.Put("d", Bytes("4"));
                Assert.AreEqual((int)StoreResult.Success, (int)store.Commit());
                RecordStore again = Reload(flash.Reboot());
                Assert.AreEqual("4", Text(again, "d"));
                Assert.IsTrue(again.LastLoadReport.IsClean);
            }
        }

        [TestMethod]
        public void Load_CorruptRecordInMiddleSegment_SkipsOnlyThatRecord()
        {
            MemoryFlashFiles flash = ThreeCommits();
            byte[] segment = flash.GetFileBytes(Segment2);
            Assert.AreEqual((byte)'2', segment[RecordBValueOffset], "layout assumption of this test");
            segment[RecordBValueOffset] ^= 0x10;
            flash.SetFileBytes(Segment2, segment);

            RecordStore store = Reload(flash);
            Assert.AreEqual("1", Text(store, "a"), "the good record of the same commit is applied");
            Assert.AreEqual("0", Text(store, "b"), "the damaged record is skipped: the older value stays");
            Assert.AreEqual("3", Text(store, "c"), "later commits still replay");
            Assert.AreEqual(1, store.LastLoadReport.CorruptRecordsSkipped);
            Assert.AreEqual(1, store.LastLoadReport.BatchCrcMismatches);
            Assert.IsFalse(store.LastLoadReport.IsClean);
        }

        [TestMethod]
        public void Load_UnknownRecordVersion_SkipsRecordAndReports()
        {
            MemoryFlashFiles flash = ThreeCommits();
            byte[] segment = flash.GetFileBytes(Segment2);
            segment[RecordBVersionOffset] = 2;
            flash.SetFileBytes(Segment2, segment);

            RecordStore store = Reload(flash);
            Assert.AreEqual("1", Text(store, "a"));
            Assert.AreEqual("0", Text(store, "b"));
            Assert.AreEqual("3", Text(store, "c"));
            Assert.AreEqual(1, store.LastLoadReport.UnknownVersionRecordsSkipped);
            Assert.AreEqual(0, store.LastLoadReport.CorruptRecordsSkipped);
        }

        [TestMethod]
        public void Load_UnknownFileVersion_SkipsFileKeepsItAndReports()
        {
            MemoryFlashFiles flash = ThreeCommits();
            byte[] segment = flash.GetFileBytes(Segment2);
            segment[4] = 9;
            uint crc = Crc32.Compute(segment, 0, 16);
            segment[16] = (byte)crc;
            segment[17] = (byte)(crc >> 8);
            segment[18] = (byte)(crc >> 16);
            segment[19] = (byte)(crc >> 24);
            flash.SetFileBytes(Segment2, segment);

            RecordStore store = Reload(flash);
            Assert.AreEqual("0", Text(store, "a"));
            Assert.AreEqual("3", Text(store, "c"));
            Assert.AreEqual(1, store.LastLoadReport.UnknownVersionFilesSkipped);
            Assert.IsNotNull(flash.GetFileBytes(Segment2), "data of a newer format is not destroyed by a load");
        }

        [TestMethod]
        public void Load_CorruptHeader_SkipsFileAndReports()
        {
            MemoryFlashFiles flash = ThreeCommits();
            byte[] segment = flash.GetFileBytes(Segment1);
            segment[9] ^= 0x01; // sequence byte, covered by the header CRC
            flash.SetFileBytes(Segment1, segment);

            RecordStore store = Reload(flash);
            Assert.AreEqual("1", Text(store, "a"));
            Assert.AreEqual("2", Text(store, "b"));
            Assert.AreEqual(1, store.LastLoadReport.CorruptFilesSkipped);
        }

        [TestMethod]
        public void Load_DamagedLengthField_SkipsFileAndReports()
        {
            MemoryFlashFiles flash = ThreeCommits();
            byte[] segment = flash.GetFileBytes(Segment2);
            segment[RecordBVersionOffset + 7] = 0x7F; // value length far past MaxValueBytes
            flash.SetFileBytes(Segment2, segment);

            RecordStore store = Reload(flash);
            Assert.AreEqual("0", Text(store, "a"), "a commit whose framing is lost is skipped whole");
            Assert.AreEqual("3", Text(store, "c"));
            Assert.AreEqual(1, store.LastLoadReport.CorruptFilesSkipped);
        }

        [TestMethod]
        public void Load_GarbageFiles_NeverThrow()
        {
            MemoryFlashFiles flash = ThreeCommits();
            byte[] noise = new byte[300];
            uint x = 12345;
            for (int i = 0; i < noise.Length; i++)
            {
                x = x * 1103515245 + 12345;
                noise[i] = (byte)(x >> 16);
            }
            flash.SetFileBytes("seg-0000000007.log", noise);
            flash.SetFileBytes("snap-0000000009.dat", noise);

            RecordStore store = Reload(flash);
            Assert.AreEqual("3", Text(store, "c"));
            Assert.AreEqual(2, store.LastLoadReport.CorruptFilesSkipped);
            store.Put("e", Bytes("5"));
            Assert.AreEqual((int)StoreResult.Success, (int)store.Commit());
            Assert.AreEqual("5", Text(Reload(flash.Reboot()), "e"), "new names never collide with files already there");
        }

        [TestMethod]
        public void Commit_PowerCutAfterEveryOperation_LoadsOldOrNewState()
        {
            MemoryFlashFiles baseline = ThreeCommits();
            int operations = CountScenarioOperations(baseline.Reboot());
            Assert.IsTrue(operations > 5, "the scenario reaches flash");
            int[] tornModes = new int[] { -1, 0, 7 };
            int tried = 0;
            for (int cut = 1; cut <= operations; cut++)
            {
                for (int m = 0; m < tornModes.Length; m++)
                {
                    MemoryFlashFiles flash = baseline.Reboot();
                    flash.PowerCutAfterOperations = cut;
                    flash.TornWriteBytes = tornModes[m];
                    RunScenario(flash);
                    Assert.IsTrue(flash.IsPowerOff);

                    RecordStore store = Reload(flash.Reboot());
                    bool isNew = Text(store, "a") == "9";
                    Assert.AreEqual(isNew ? "9" : "1", Text(store, "a"));
                    Assert.AreEqual(isNew ? null : "2", Text(store, "b"), "never a mix, cut " + cut.ToString());
                    Assert.AreEqual(isNew ? "8" : null, Text(store, "n"));
                    Assert.AreEqual("3", Text(store, "c"));
                    tried++;
                }
            }
            Assert.AreEqual(operations * 3, tried);
        }

        private static int CountScenarioOperations(MemoryFlashFiles flash)
        {
            RunScenario(flash);
            return flash.OperationCount;
        }

        /// <summary>Boot, then one commit: a=9, remove b, n=8.</summary>
        private static void RunScenario(MemoryFlashFiles flash)
        {
            RecordStore store = new RecordStore(flash);
            if (store.Load() != StoreResult.Success)
            {
                return;
            }
            store.Put("a", Bytes("9"));
            store.Remove("b");
            store.Put("n", Bytes("8"));
            store.Commit();
        }
    }
}
