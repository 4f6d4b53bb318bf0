using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tests.Fakes;

namespace OmaDm.Nano.Tests.Storage
{
    [TestClass]
    public class RecordStoreCompactionTests
    {
        private static byte[] Bytes(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        private static RecordStore Reload(MemoryFlashFiles flash)
        {
            RecordStore store = new RecordStore(flash);
            Assert.AreEqual((int)StoreResult.Success, (int)store.Load());
            return store;
        }

        private static int CountFiles(MemoryFlashFiles flash, string prefix)
        {
            int n = 0;
            string[] names = flash.FileNames;
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i].Length >= prefix.Length && names[i].Substring(0, prefix.Length) == prefix)
                {
                    n++;
                }
            }
            return n;
        }

        [TestMethod]
        public void Commit_ManySmallCommits_FilesAndBytesStayBounded()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = Reload(flash);
            for (int i = 0; i < 200; i++)
            {
                store.Put("mo/urn:oma:mo:x:1.0/m1/Counter" + (i % 10).ToString(), Bytes("value " + i.ToString()));
                Assert.AreEqual((int)StoreResult.Success, (int)store.Commit());
                Assert.IsTrue(flash.FileNames.Length <= RecordStore.CompactAfterSegmentFiles, "at most one snapshot and 15 segments at rest");
                Assert.IsTrue(store.SegmentCount < RecordStore.CompactAfterSegmentFiles);
                Assert.IsTrue(flash.TotalBytesStored < 4096, "10 live keys never need more than a few KB, commit " + i.ToString());
            }
            Assert.AreEqual(1, CountFiles(flash, "snap-"));

            RecordStore reloaded = Reload(flash.Reboot());
            Assert.AreEqual(10, reloaded.Keys("mo/").Length);
            Assert.AreEqual("value 199", Encoding.UTF8.GetString(reloaded.Get("mo/urn:oma:mo:x:1.0/m1/Counter9"), 0, 9));
            Assert.IsTrue(reloaded.LastLoadReport.IsClean);
        }

        [TestMethod]
        public void Commit_LargeCommits_CompactOnSegmentBytes()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = new RecordStore(flash, 256 * 1024);
            store.Load();
            for (int round = 0; round < 3; round++)
            {
                for (int i = 0; i < 9; i++)
                {
                    byte[] value = new byte[RecordStore.MaxValueBytes];
                    value[0] = (byte)round;
                    store.Put("blob/" + i.ToString(), value);
                }
                Assert.AreEqual((int)StoreResult.Success, (int)store.Commit());
                Assert.AreEqual(0, store.SegmentCount, "a commit past CompactAfterSegmentBytes compacts at once");
                Assert.AreEqual(0, CountFiles(flash, "seg-"));
            }
            Assert.AreEqual((byte)2, Reload(flash.Reboot()).Get("blob/8")[0]);
        }

        [TestMethod]
        public void Compact_ThenLoad_SameStateFromOneSnapshot()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = Reload(flash);
            store.Put("a", Bytes("1"));
            store.Commit();
            store.Put("b", Bytes("2"));
            store.Commit();
            store.Remove("a");
            store.Commit();

            Assert.AreEqual((int)StoreResult.Success, (int)store.Compact());
            string[] names = flash.FileNames;
            Assert.AreEqual(1, names.Length);
            Assert.AreEqual("snap-0000000004.dat", names[0], "a snapshot takes the next sequence number");
            MemoryFlashFiles rebooted = flash.Reboot();
            RecordStore reloaded = Reload(rebooted);
            Assert.IsNull(reloaded.Get("a"));
            Assert.AreEqual(1, reloaded.Keys(null).Length);
            Assert.AreEqual(4, reloaded.LastLoadReport.SnapshotSequence);
            Assert.AreEqual(0, reloaded.LastLoadReport.SegmentsReplayed);

            reloaded.Put("c", Bytes("3"));
            reloaded.Commit();
            Assert.IsNotNull(rebooted.GetFileBytes("seg-0000000005.log"));
            Assert.AreEqual(2, Reload(rebooted.Reboot()).Keys(null).Length);
        }

        [TestMethod]
        public void Compact_PowerCutAfterEveryOperation_LoadsSameState()
        {
            MemoryFlashFiles baseline = new MemoryFlashFiles();
            RecordStore setup = Reload(baseline);
            for (int i = 0; i < 5; i++)
            {
                setup.Put("k" + i.ToString(), Bytes("v" + i.ToString()));
                setup.Remove("k" + (i - 2).ToString());
                setup.Commit();
            }
            MemoryFlashFiles counting = baseline.Reboot();
            Reload(counting).Compact();
            int operations = counting.OperationCount;

            for (int cut = 1; cut <= operations; cut++)
            {
                for (int torn = -1; torn <= 0; torn++)
                {
                    MemoryFlashFiles flash = baseline.Reboot();
                    flash.PowerCutAfterOperations = cut;
                    flash.TornWriteBytes = torn;
                    RecordStore store = new RecordStore(flash);
                    if (store.Load() == StoreResult.Success)
                    {
                        store.Compact();
                    }

                    RecordStore reloaded = Reload(flash.Reboot());
                    string[] keys = reloaded.Keys(null);
                    Assert.AreEqual(2, keys.Length, "cut " + cut.ToString());
                    Assert.AreEqual("k3", keys[0]);
                    Assert.AreEqual("k4", keys[1]);
                    Assert.IsTrue(flash.Reboot().FileNames.Length <= 6);
                }
            }
        }

        [TestMethod]
        public void Load_LeftoverTempSnapshot_IsDeleted()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = Reload(flash);
            store.Put("a", Bytes("1"));
            store.Commit();
            flash.SetFileBytes("snap-0000000002.tmp", new byte[] { 1, 2, 3 });

            MemoryFlashFiles rebooted = flash.Reboot();
            RecordStore reloaded = Reload(rebooted);
            Assert.AreEqual(1, reloaded.LastLoadReport.StaleFilesDeleted);
            Assert.IsNull(rebooted.GetFileBytes("snap-0000000002.tmp"));
            Assert.AreEqual(1, reloaded.Keys(null).Length);
            reloaded.Put("b", Bytes("2"));
            reloaded.Commit();
            Assert.IsNotNull(rebooted.GetFileBytes("seg-0000000003.log"), "the temp file's sequence is not reused");
        }

        [TestMethod]
        public void Commit_CompactionFails_CommitStillSucceedsAndNextCommitCompacts()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = Reload(flash);
            for (int i = 0; i < RecordStore.CompactAfterSegmentFiles - 1; i++)
            {
                store.Put("k", Bytes(i.ToString()));
                store.Commit();
            }
            store.Put("k", Bytes("last"));
            // Commit = Create, Write, Close; then compaction's Create fails.
            flash.FailAtOperation = flash.OperationCount + 4;

            Assert.AreEqual((int)StoreResult.Success, (int)store.Commit());
            Assert.AreEqual((int)StoreResult.WriteFailed, (int)store.LastCompactionResult);
            Assert.AreEqual(RecordStore.CompactAfterSegmentFiles, store.SegmentCount);
            Assert.AreEqual("last", Encoding.UTF8.GetString(Reload(flash.Reboot()).Get("k"), 0, 4));

            store.Put("k", Bytes("after"));
            Assert.AreEqual((int)StoreResult.Success, (int)store.Commit());
            Assert.AreEqual((int)StoreResult.Success, (int)store.LastCompactionResult);
            Assert.AreEqual(0, store.SegmentCount);
            Assert.AreEqual(1, flash.FileNames.Length);
        }

        [TestMethod]
        public void Load_TooManySegments_CompactsDuringLoad()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = Reload(flash);
            for (int i = 0; i < RecordStore.CompactAfterSegmentFiles - 1; i++)
            {
                store.Put("k" + i.ToString(), Bytes("v"));
                store.Commit();
            }
            store.Put("last", Bytes("v"));
            flash.FailAtOperation = flash.OperationCount + 4; // compaction after this commit fails
            store.Commit();
            Assert.AreEqual(RecordStore.CompactAfterSegmentFiles, flash.FileNames.Length);

            MemoryFlashFiles rebooted = flash.Reboot();
            RecordStore reloaded = Reload(rebooted);
            Assert.AreEqual((int)StoreResult.Success, (int)reloaded.LastLoadReport.CompactionResult);
            Assert.AreEqual(1, rebooted.FileNames.Length);
            Assert.AreEqual(RecordStore.CompactAfterSegmentFiles, reloaded.Keys(null).Length);
        }
    }
}
