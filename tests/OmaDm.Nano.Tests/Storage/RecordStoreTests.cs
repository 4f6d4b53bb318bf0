using System;
using System.Text;
using nanoFramework.TestFramework;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tests.Fakes;

namespace OmaDm.Nano.Tests.Storage
{
    [TestClass]
    public class RecordStoreTests
    {
        private static byte[] Bytes(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        private static RecordStore Loaded(MemoryFlashFiles flash)
        {
            RecordStore store = new RecordStore(flash);
            Assert.AreEqual((int)StoreResult.Success, (int)store.Load());
            return store;
        }

        [TestMethod]
        public void Get_StagedPut_VisibleBeforeCommitButNotAfterReboot()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = Loaded(flash);
            store.Put("k", Bytes("v"));

            CollectionAssert.AreEqual(Bytes("v"), store.Get("k"), "staged values are visible to the owner");
            Assert.IsTrue(store.HasPendingChanges);
            Assert.AreEqual(0, flash.CreateCount, "Put writes nothing");
            Assert.IsNull(Loaded(flash.Reboot()).Get("k"), "uncommitted values do not survive a reset");
        }

        [TestMethod]
        public void Remove_Staged_HidesValueUntilRollback()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = Loaded(flash);
            store.Put("k", Bytes("v"));
            store.Commit();

            store.Remove("k");
            Assert.IsNull(store.Get("k"));
            Assert.IsFalse(store.Contains("k"));
            Assert.AreEqual(0, store.Keys("k").Length);
            store.Rollback();
            Assert.IsFalse(store.HasPendingChanges);
            CollectionAssert.AreEqual(Bytes("v"), store.Get("k"));
        }

        [TestMethod]
        public void Commit_StagedRemove_SurvivesReboot()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = Loaded(flash);
            store.Put("k", Bytes("v"));
            store.Commit();
            store.Remove("k");
            Assert.AreEqual((int)StoreResult.Success, (int)store.Commit());
            Assert.IsFalse(store.HasPendingChanges);

            Assert.IsNull(Loaded(flash.Reboot()).Get("k"));
        }

        [TestMethod]
        public void Keys_Prefix_ReturnsCommittedAndStagedMinusRemovedInOrdinalOrder()
        {
            RecordStore store = Loaded(new MemoryFlashFiles());
            store.Put("alert/0002", Bytes("b"));
            store.Put("alert/0001", Bytes("a"));
            store.Put("mo/x", Bytes("m"));
            store.Put("alert/0003", Bytes("c"));
            store.Commit();
            store.Put("alert/0000", Bytes("z"));
            store.Remove("alert/0002");
            store.Put("alertx", Bytes("not under alert/"));
            store.Put("alert/0001", Bytes("staged over committed"));

            string[] keys = store.Keys("alert/");
            Assert.AreEqual(3, keys.Length);
            Assert.AreEqual("alert/0000", keys[0]);
            Assert.AreEqual("alert/0001", keys[1]);
            Assert.AreEqual("alert/0003", keys[2], "a key both committed and staged is listed once");
        }

        [TestMethod]
        public void Keys_NullOrEmptyPrefix_ReturnsEveryKey()
        {
            RecordStore store = Loaded(new MemoryFlashFiles());
            store.Put("b", Bytes("1"));
            store.Put("a", Bytes("2"));
            store.Commit();
            store.Put("c", Bytes("3"));

            Assert.AreEqual(3, store.Keys(null).Length);
            Assert.AreEqual(3, store.Keys("").Length);
            Assert.AreEqual("a", store.Keys(null)[0]);
        }

        [TestMethod]
        public void Put_CallerReusesArray_StoredValueUnchanged()
        {
            RecordStore store = Loaded(new MemoryFlashFiles());
            byte[] buffer = Bytes("abc");
            store.Put("k", buffer);
            buffer[0] = (byte)'X';
            byte[] got = store.Get("k");
            got[1] = (byte)'Y';

            CollectionAssert.AreEqual(Bytes("abc"), store.Get("k"), "Put and Get copy, so callers cannot alter the store");
        }

        [TestMethod]
        public void Put_BadArguments_Throw()
        {
            RecordStore store = Loaded(new MemoryFlashFiles());
            Assert.ThrowsException(typeof(ArgumentException), () => store.Put("", Bytes("v")));
            Assert.ThrowsException(typeof(ArgumentException), () => store.Put(null, Bytes("v")));
            Assert.ThrowsException(typeof(ArgumentNullException), () => store.Put("k", null));
            Assert.ThrowsException(typeof(ArgumentException), () => store.Put("k", new byte[RecordStore.MaxValueBytes + 1]));
            Assert.ThrowsException(typeof(ArgumentException), () => store.Put(new string('k', RecordStore.MaxKeyBytes + 1), Bytes("v")));
            Assert.ThrowsException(typeof(ArgumentException), () => store.Put(new string('\u00e9', RecordStore.MaxKeyBytes / 2 + 1), Bytes("v")), "the bound is in UTF-8 bytes, not chars");
            Assert.IsFalse(store.HasPendingChanges);
        }

        [TestMethod]
        public void Put_KeyOfFourByteCharacters_BoundIsExactInUtf8()
        {
            RecordStore store = Loaded(new MemoryFlashFiles());
            string smile = "\uD83D\uDE00"; // U+1F600: 4 bytes in UTF-8
            string fits = "";
            for (int i = 0; i < RecordStore.MaxKeyBytes / 4; i++)
            {
                fits += smile;
            }
            store.Put(fits, Bytes("v"));
            Assert.ThrowsException(typeof(ArgumentException), () => store.Put(fits + smile, Bytes("v")));
            Assert.AreEqual((int)StoreResult.Success, (int)store.Commit());
            Assert.AreEqual(RecordStore.MaxKeyBytes + 1 + 12, store.LiveBytes, "live bytes count UTF-8 key bytes + value + 12");
        }

        [TestMethod]
        public void Commit_BeforeLoad_ReturnsNotLoadedAndWritesNothing()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = new RecordStore(flash);
            store.Put("k", Bytes("v"));

            Assert.AreEqual((int)StoreResult.NotLoaded, (int)store.Commit());
            Assert.AreEqual((int)StoreResult.NotLoaded, (int)store.Compact());
            Assert.AreEqual(0, flash.OperationCount);
            Assert.IsTrue(store.HasPendingChanges);
        }

        [TestMethod]
        public void Commit_NothingStaged_WritesNothing()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = Loaded(flash);
            int before = flash.OperationCount;

            Assert.AreEqual((int)StoreResult.Success, (int)store.Commit());
            Assert.AreEqual(before, flash.OperationCount);
        }

        [TestMethod]
        public void Commit_SameValueOrAbsentRemove_WritesNothing()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = Loaded(flash);
            store.Put("k", Bytes("v"));
            store.Commit();
            int before = flash.OperationCount;

            store.Put("k", Bytes("v"));
            store.Remove("never-there");
            Assert.AreEqual((int)StoreResult.Success, (int)store.Commit());
            Assert.AreEqual(before, flash.OperationCount, "no change, no flash wear");
            Assert.IsFalse(store.HasPendingChanges);
        }

        [TestMethod]
        public void Commit_OneChangeAmongHundredKeys_WritesOnlyThatRecord()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = Loaded(flash);
            for (int i = 0; i < 100; i++)
            {
                store.Put("mo/urn:oma:mo:x:1.0/m1/Node" + i.ToString(), Bytes("value-" + i.ToString()));
            }
            store.Commit();
            long bytesBefore = flash.BytesWritten;
            int createsBefore = flash.CreateCount;
            int writesBefore = flash.WriteCalls;

            store.Put("mo/urn:oma:mo:x:1.0/m1/Node42", Bytes("changed"));
            store.Put("mo/urn:oma:mo:x:1.0/m1/Node43", Bytes("value-43"));
            Assert.AreEqual((int)StoreResult.Success, (int)store.Commit());

            // header 20 + record (8 + 29 key + 7 value + 4 crc) + trailer 16 = 84 bytes, counted by hand.
            Assert.AreEqual(84L, flash.BytesWritten - bytesBefore, "only the changed record goes to flash");
            Assert.AreEqual(1, flash.CreateCount - createsBefore, "one file per commit");
            Assert.AreEqual(1, flash.WriteCalls - writesBefore, "a small commit is one write call");
        }

        [TestMethod]
        public void Commit_PastLiveBound_ReturnsStoreFullAndKeepsStaged()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            int bound = RecordStore.MaxKeyBytes + RecordStore.MaxValueBytes + 12;
            RecordStore store = new RecordStore(flash, bound);
            store.Load();
            store.Put("a", new byte[RecordStore.MaxValueBytes]);
            store.Put("b", new byte[RecordStore.MaxValueBytes]);
            int before = flash.OperationCount;

            Assert.AreEqual((int)StoreResult.StoreFull, (int)store.Commit());
            Assert.AreEqual(before, flash.OperationCount);
            Assert.IsTrue(store.HasPendingChanges);
            store.Remove("b");
            Assert.AreEqual((int)StoreResult.Success, (int)store.Commit());
            Assert.IsTrue(store.LiveBytes <= store.MaxLiveBytes);
        }

        [TestMethod]
        public void Commit_StoreOverASmallerBound_AcceptsCommitsThatShrinkIt()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore big = Loaded(flash);
            for (int i = 0; i < 4; i++)
            {
                big.Put("v" + i.ToString(), new byte[RecordStore.MaxValueBytes]);
            }
            big.Commit();
            RecordStore small = new RecordStore(flash.Reboot(), RecordStore.MaxKeyBytes + RecordStore.MaxValueBytes + 12);
            small.Load();
            Assert.IsTrue(small.LiveBytes > small.MaxLiveBytes, "loaded data is never dropped for being over the bound");

            small.Put("v0", new byte[RecordStore.MaxValueBytes - 1]);
            small.Remove("v1");
            Assert.AreEqual((int)StoreResult.Success, (int)small.Commit(), "shrinking is allowed");
            small.Put("new", new byte[10]);
            Assert.AreEqual((int)StoreResult.StoreFull, (int)small.Commit(), "growing past the bound is not");
        }

        [TestMethod]
        public void Commit_WriteFails_ReturnsWriteFailedKeepsStateAndRetrySucceeds()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            RecordStore store = Loaded(flash);
            store.Put("k", Bytes("old"));
            store.Commit();
            store.Put("k", Bytes("new"));
            flash.FailAtOperation = flash.OperationCount + 2; // the first Write after Create

            Assert.AreEqual((int)StoreResult.WriteFailed, (int)store.Commit());
            Assert.IsTrue(store.HasPendingChanges);
            Assert.AreEqual("old", Encoding.UTF8.GetString(Loaded(flash.Reboot()).Get("k"), 0, 3), "the failed commit left no trace on flash");
            Assert.AreEqual((int)StoreResult.Success, (int)store.Commit());
            Assert.AreEqual("new", Encoding.UTF8.GetString(Loaded(flash.Reboot()).Get("k"), 0, 3));
        }

        [TestMethod]
        public void Load_ListFails_ReturnsReadFailedAndStaysUnloaded()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            flash.FailAtOperation = 1;
            RecordStore store = new RecordStore(flash);

            Assert.AreEqual((int)StoreResult.ReadFailed, (int)store.Load());
            Assert.IsFalse(store.IsLoaded);
            store.Put("k", Bytes("v"));
            Assert.AreEqual((int)StoreResult.NotLoaded, (int)store.Commit(), "never write without knowing what is on flash");
            Assert.AreEqual((int)StoreResult.Success, (int)store.Load());
        }

        [TestMethod]
        public void Load_IgnoresForeignFiles()
        {
            MemoryFlashFiles flash = new MemoryFlashFiles();
            flash.SetFileBytes("settings.json", Bytes("{}"));
            flash.SetFileBytes("seg-12.log", Bytes("x"));
            RecordStore store = Loaded(flash);
            store.Put("k", Bytes("v"));
            store.Commit();

            Assert.IsNotNull(flash.GetFileBytes("settings.json"), "files the store did not name are left alone");
            Assert.IsNotNull(flash.GetFileBytes("seg-12.log"));
            Assert.AreEqual(0, store.LastLoadReport.CorruptFilesSkipped);
        }
    }
}
