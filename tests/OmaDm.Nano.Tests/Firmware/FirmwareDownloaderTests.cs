using nanoFramework.TestFramework;
using OmaDm.Nano.Firmware;
using OmaDm.Nano.Platform;
using OmaDm.Nano.Tests.Firmware.Fakes;

namespace OmaDm.Nano.Tests.Firmware
{
    [TestClass]
    public class FirmwareDownloaderTests
    {
        private const string Url = "http://127.0.0.1:8080/fw/v2.bin";

        private static MemorySlot Slot(byte[] image)
        {
            MemorySlot slot = new MemorySlot(256 * 1024);
            slot.ValidImage = image;
            return slot;
        }

        private static MemoryRepository Repository(byte[] image)
        {
            MemoryRepository repository = new MemoryRepository();
            repository.Image = image;
            return repository;
        }

        private static DownloadJob Job()
        {
            DownloadJob job = new DownloadJob();
            job.Url = Url;
            return job;
        }

        [TestMethod]
        public void Run_CleanDownload_Returns200_OneRequest_NoSleep()
        {
            byte[] image = TestImage.Make(20000, 2, 1);
            MemoryRepository repository = Repository(image);
            StepClock clock = new StepClock();
            FirmwareDownloader downloader = new FirmwareDownloader(repository, Slot(image), clock);
            DownloadJob job = Job();

            Assert.AreEqual(FumoResultCode.Success, downloader.Run(job));
            Assert.AreEqual(1, repository.RequestCount);
            Assert.AreEqual(-1L, (long)repository.RangeStarts[0], "a first download asks for the whole image");
            Assert.AreEqual(0, clock.Sleeps.Count);
            Assert.AreEqual(image.Length, job.TotalLength);
            Assert.AreEqual("\"v1\"", job.ETag);
            Assert.AreEqual(FirmwareDownloader.ChunkBytes, repository.LargestRead, "one fixed 4 KiB buffer");
            Assert.IsTrue((bool)repository.Insecure[0], "loopback may skip TLS validation");
        }

        [TestMethod]
        public void Run_DropMidBody_ResumesWithRangeAndIfRange_RepeatsLessThanOneBlockPlusOneChunk()
        {
            byte[] image = TestImage.Make(60000, 2, 2);
            MemoryRepository repository = Repository(image);
            repository.FailAtOffset = 30000;
            StepClock clock = new StepClock();
            FirmwareDownloader downloader = new FirmwareDownloader(repository, Slot(image), clock);

            Assert.AreEqual(FumoResultCode.Success, downloader.Run(Job()));
            Assert.AreEqual(2, repository.RequestCount);
            Assert.AreEqual(28672L, (long)repository.RangeStarts[1], "7 whole chunks (28672 bytes) were stored before the drop");
            Assert.AreEqual("\"v1\"", (string)repository.IfRanges[1]);
            Assert.IsTrue(repository.BytesServed - image.Length <= 4096 + 4096, "re-downloaded at most one block plus one chunk");
            Assert.AreEqual(1, clock.Sleeps.Count);
            Assert.AreEqual(FirmwareDownloader.DefaultInitialBackoffMs, (int)clock.Sleeps[0]);
        }

        [TestMethod]
        public void Run_ServerIgnoresRange_RestartsFromZero_NeverAppendsAWholeBodyAfterAPart()
        {
            byte[] image = TestImage.Make(40000, 2, 3);
            MemoryRepository repository = Repository(image);
            repository.FailAtOffset = 20000;
            repository.IgnoreRange = true;
            MemorySlot slot = Slot(image);
            FirmwareDownloader downloader = new FirmwareDownloader(repository, slot, new StepClock());

            Assert.AreEqual(FumoResultCode.Success, downloader.Run(Job()), "ValidImage comparison proves the slot holds exactly the image");
            Assert.AreEqual(2, repository.RequestCount);
            Assert.IsTrue((long)repository.RangeStarts[1] > 0, "the client did ask for a range");
        }

        [TestMethod]
        public void Run_ETagChanged_ServerSends200_RestartsFromZero()
        {
            byte[] image = TestImage.Make(40000, 2, 4);
            MemoryRepository repository = Repository(image);
            repository.FailAtOffset = 20000;
            MemorySlot slot = Slot(image);
            FirmwareDownloader downloader = new FirmwareDownloader(repository, slot, new StepClock());
            DownloadJob job = Job();
            job.ETag = null;
            repository.ETag = "\"v2\"";

            Assert.AreEqual(FumoResultCode.Success, downloader.Run(job));
            Assert.AreEqual("\"v2\"", job.ETag);
        }

        [TestMethod]
        public void Run_TruncatedBody_ResumesAndCompletes()
        {
            byte[] image = TestImage.Make(30000, 2, 5);
            MemoryRepository repository = Repository(image);
            repository.TruncateAt = 10000;
            MemorySlot slot = Slot(image);
            FirmwareDownloader downloader = new FirmwareDownloader(repository, slot, new StepClock());
            DownloadJob job = Job();

            int first = downloader.Run(job);
            Assert.AreEqual(FumoResultCode.NetworkFailed, first, "the body always ends at 10000: no progress after the first try");
            Assert.AreEqual(FirmwareDownloader.DefaultMaxAttempts + 1, repository.RequestCount, "one try with progress, then MaxAttempts without");
            Assert.IsFalse(slot.SecondaryErased, "a network failure keeps the data for a resume");

            repository.TruncateAt = -1;
            Assert.AreEqual(FumoResultCode.Success, downloader.Run(job));
            Assert.AreEqual(4096L, (long)repository.RangeStarts[repository.RequestCount - 1], "after a pause the slot rewinds to the block holding its last byte (8191)");
        }

        [TestMethod]
        public void Run_AfterReset_ResumesFromTheSlotWithThePersistedJob()
        {
            byte[] image = TestImage.Make(50000, 2, 6);
            MemoryRepository repository = Repository(image);
            repository.TruncateAt = 25000;
            MemorySlot slot = Slot(image);
            DownloadJob saved = null;
            FirmwareDownloader downloader = new FirmwareDownloader(repository, slot, new StepClock());
            downloader.MaxAttempts = 1;
            downloader.Checkpoint = delegate (DownloadJob j) { saved = j; };

            Assert.AreEqual(FumoResultCode.NetworkFailed, downloader.Run(Job()));
            Assert.IsNotNull(saved, "the checkpoint fires once the header is stored");
            slot.Reboot();

            repository.TruncateAt = -1;
            DownloadJob restored = Job();
            restored.TotalLength = saved.TotalLength;
            restored.Header = saved.Header;
            restored.ETag = saved.ETag;
            FirmwareDownloader afterReset = new FirmwareDownloader(repository, slot, new StepClock());
            Assert.AreEqual(FumoResultCode.Success, afterReset.Run(restored));
            Assert.AreEqual(20480L, (long)repository.RangeStarts[repository.RequestCount - 1], "the slot rewinds to the block of its last written byte");
        }

        [TestMethod]
        public void Run_BadScheme_411_NoRequest()
        {
            byte[] image = TestImage.Make(1000, 2, 7);
            MemoryRepository repository = Repository(image);
            FirmwareDownloader downloader = new FirmwareDownloader(repository, Slot(image), new StepClock());
            DownloadJob job = Job();
            job.Url = "ftp://example.com/fw.bin";

            Assert.AreEqual(FumoResultCode.BadUrl, downloader.Run(job));
            Assert.AreEqual(0, repository.RequestCount);
        }

        [TestMethod]
        public void Run_PlainHttpToARemoteHost_411_UnlessTheAppOptsIn()
        {
            byte[] image = TestImage.Make(1000, 2, 8);
            MemoryRepository repository = Repository(image);
            FirmwareDownloader downloader = new FirmwareDownloader(repository, Slot(image), new StepClock());
            DownloadJob job = Job();
            job.Url = "http://repo.example.com/fw.bin";

            Assert.AreEqual(FumoResultCode.BadUrl, downloader.Run(job), "secure by default");
            job.AllowPlainHttp = true;
            Assert.AreEqual(FumoResultCode.Success, downloader.Run(job));
            Assert.IsFalse((bool)repository.Insecure[0], "a remote host keeps TLS validation");
        }

        [TestMethod]
        public void Run_PlainHttpToAHostNamedLikeLoopback_411_NoRequest()
        {
            byte[] image = TestImage.Make(1000, 2, 9);
            MemoryRepository repository = Repository(image);
            FirmwareDownloader downloader = new FirmwareDownloader(repository, Slot(image), new StepClock());
            DownloadJob job = Job();
            job.Url = "http://127.evil.example/fw.bin";

            Assert.AreEqual(FumoResultCode.BadUrl, downloader.Run(job), "a name starting with 127. is not a loopback address");
            Assert.AreEqual(0, repository.RequestCount);
        }

        [TestMethod]
        public void Run_Http404_411_SlotErased()
        {
            byte[] image = TestImage.Make(1000, 2, 9);
            MemoryRepository repository = Repository(image);
            repository.FailStatus = 404;
            repository.FailStatusCount = int.MaxValue;
            MemorySlot slot = Slot(image);
            FirmwareDownloader downloader = new FirmwareDownloader(repository, slot, new StepClock());

            Assert.AreEqual(FumoResultCode.BadUrl, downloader.Run(Job()));
            Assert.AreEqual(1, repository.RequestCount, "a missing package is not retried");
            Assert.IsTrue(slot.SecondaryErased);
        }

        [TestMethod]
        public void Run_Http401_406()
        {
            byte[] image = TestImage.Make(1000, 2, 10);
            MemoryRepository repository = Repository(image);
            repository.FailStatus = 401;
            repository.FailStatusCount = int.MaxValue;
            FirmwareDownloader downloader = new FirmwareDownloader(repository, Slot(image), new StepClock());

            Assert.AreEqual(FumoResultCode.AuthenticationFailed, downloader.Run(Job()));
        }

        [TestMethod]
        public void Run_Http500Always_RetriesWithDoublingBackoff_Then500()
        {
            byte[] image = TestImage.Make(1000, 2, 11);
            MemoryRepository repository = Repository(image);
            repository.FailStatus = 503;
            repository.FailStatusCount = int.MaxValue;
            StepClock clock = new StepClock();
            FirmwareDownloader downloader = new FirmwareDownloader(repository, Slot(image), clock);

            Assert.AreEqual(FumoResultCode.ServerError, downloader.Run(Job()));
            Assert.AreEqual(FirmwareDownloader.DefaultMaxAttempts, repository.RequestCount);
            Assert.AreEqual(4, clock.Sleeps.Count, "a sleep between tries, none after the last");
            Assert.AreEqual(1000, (int)clock.Sleeps[0]);
            Assert.AreEqual(2000, (int)clock.Sleeps[1]);
            Assert.AreEqual(4000, (int)clock.Sleeps[2]);
            Assert.AreEqual(8000, (int)clock.Sleeps[3]);
        }

        [TestMethod]
        public void Run_Backoff_IsCapped()
        {
            byte[] image = TestImage.Make(1000, 2, 12);
            MemoryRepository repository = Repository(image);
            repository.SendFailureCount = int.MaxValue;
            StepClock clock = new StepClock();
            FirmwareDownloader downloader = new FirmwareDownloader(repository, Slot(image), clock);
            downloader.MaxBackoffMs = 3000;
            downloader.MaxAttempts = 6;

            Assert.AreEqual(FumoResultCode.NetworkFailed, downloader.Run(Job()));
            Assert.AreEqual(1000, (int)clock.Sleeps[0]);
            Assert.AreEqual(2000, (int)clock.Sleeps[1]);
            Assert.AreEqual(3000, (int)clock.Sleeps[2]);
            Assert.AreEqual(3000, (int)clock.Sleeps[4]);
        }

        [TestMethod]
        public void Run_TransientFailuresThenSuccess_Returns200()
        {
            byte[] image = TestImage.Make(1000, 2, 13);
            MemoryRepository repository = Repository(image);
            repository.SendFailureCount = 2;
            FirmwareDownloader downloader = new FirmwareDownloader(repository, Slot(image), new StepClock());

            Assert.AreEqual(FumoResultCode.Success, downloader.Run(Job()));
            Assert.AreEqual(3, repository.RequestCount);
        }

        [TestMethod]
        public void Run_SendTimesOutEveryTry_407()
        {
            byte[] image = TestImage.Make(1000, 2, 14);
            MemoryRepository repository = Repository(image);
            repository.SendFailure = TransportResult.Timeout;
            repository.SendFailureCount = int.MaxValue;
            FirmwareDownloader downloader = new FirmwareDownloader(repository, Slot(image), new StepClock());

            Assert.AreEqual(FumoResultCode.RequestTimeout, downloader.Run(Job()));
        }

        [TestMethod]
        public void Run_TlsFailure_406_NotRetried()
        {
            byte[] image = TestImage.Make(1000, 2, 15);
            MemoryRepository repository = Repository(image);
            repository.SendFailure = TransportResult.TlsFailed;
            repository.SendFailureCount = int.MaxValue;
            FirmwareDownloader downloader = new FirmwareDownloader(repository, Slot(image), new StepClock());

            Assert.AreEqual(FumoResultCode.AuthenticationFailed, downloader.Run(Job()));
            Assert.AreEqual(1, repository.RequestCount);
        }

        [TestMethod]
        public void Setters_RejectOutOfRangeValues()
        {
            FirmwareDownloader downloader = new FirmwareDownloader(new MemoryRepository(), new MemorySlot(4096), new StepClock());
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => { downloader.MaxAttempts = 0; });
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => { downloader.TimeoutMs = 5; });
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => { downloader.InitialBackoffMs = -1; });
        }
    }
}
