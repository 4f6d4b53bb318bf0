using nanoFramework.TestFramework;
using OmaDm.Nano.Firmware;
using OmaDm.Nano.Tests.Firmware.Fakes;

namespace OmaDm.Nano.Tests.Firmware
{
    /// <summary>What the downloader does with images that are wrong: each ends in its result code with the slot erased.</summary>
    [TestClass]
    public class FirmwareDownloaderImageTests
    {
        private static int Run(MemoryRepository repository, MemorySlot slot, DownloadJob job)
        {
            FirmwareDownloader downloader = new FirmwareDownloader(repository, slot, new StepClock());
            return downloader.Run(job);
        }

        private static DownloadJob Job()
        {
            DownloadJob job = new DownloadJob();
            job.Url = "https://repo.example.com/fw.bin";
            return job;
        }

        private static MemoryRepository Repository(byte[] image)
        {
            MemoryRepository repository = new MemoryRepository();
            repository.Image = image;
            return repository;
        }

        [TestMethod]
        public void Run_LargerThanTheSlot_501_NoByteStored()
        {
            byte[] image = TestImage.Make(9000, 2, 1);
            MemorySlot slot = new MemorySlot(8192);
            MemoryRepository repository = Repository(image);

            Assert.AreEqual(FumoResultCode.DownloadOutOfMemory, Run(repository, slot, Job()));
            Assert.AreEqual(0L, repository.BytesServed, "refused on Content-Length, before the body");
            Assert.IsTrue(slot.SecondaryErased);
        }

        [TestMethod]
        public void Run_WrongMagic_402_SlotErased()
        {
            byte[] image = TestImage.Make(9000, 2, 2);
            image[0] = 0;
            MemorySlot slot = new MemorySlot(65536);

            Assert.AreEqual(FumoResultCode.CorruptedPackage, Run(Repository(image), slot, Job()));
            Assert.IsTrue(slot.SecondaryErased);
        }

        [TestMethod]
        public void Run_CorruptByte_402_SlotErased_JobForgotten()
        {
            byte[] image = TestImage.Make(9000, 2, 3);
            MemorySlot slot = new MemorySlot(65536);
            slot.ValidImage = (byte[])image.Clone();
            image[5000] ^= 0x40;
            DownloadJob job = Job();

            Assert.AreEqual(FumoResultCode.CorruptedPackage, Run(Repository(image), slot, job));
            Assert.IsTrue(slot.SecondaryErased, "a later attempt must never resume a bad image");
            Assert.IsNull(job.Header);
            Assert.AreEqual(-1, job.TotalLength);
        }

        [TestMethod]
        public void Run_BadSignature_404()
        {
            byte[] image = TestImage.Make(9000, 2, 4);
            MemorySlot slot = new MemorySlot(65536);
            slot.ForceCompleteResult = SlotResult.BadSignature;

            Assert.AreEqual(FumoResultCode.ValidationFailed, Run(Repository(image), slot, Job()));
            Assert.IsTrue(slot.SecondaryErased);
        }

        [TestMethod]
        public void Run_NotTheAnnouncedSha256_404()
        {
            byte[] image = TestImage.Make(9000, 2, 5);
            MemorySlot slot = new MemorySlot(65536);
            slot.ImageHash = new byte[32];
            DownloadJob job = Job();
            job.ExpectedSha256 = new byte[32];
            job.ExpectedSha256[0] = 1;

            Assert.AreEqual(FumoResultCode.ValidationFailed, Run(Repository(image), slot, job));
            Assert.IsTrue(slot.SecondaryErased);
        }

        [TestMethod]
        public void Run_TheAnnouncedSha256_200()
        {
            byte[] image = TestImage.Make(9000, 2, 6);
            MemorySlot slot = new MemorySlot(65536);
            slot.ImageHash = new byte[32];
            DownloadJob job = Job();
            job.ExpectedSha256 = new byte[32];

            Assert.AreEqual(FumoResultCode.Success, Run(Repository(image), slot, job));
        }

        [TestMethod]
        public void Run_NotTheAnnouncedSize_402()
        {
            byte[] image = TestImage.Make(9000, 2, 7);
            MemorySlot slot = new MemorySlot(65536);
            DownloadJob job = Job();
            job.ExpectedSize = image.Length + 1;

            Assert.AreEqual(FumoResultCode.CorruptedPackage, Run(Repository(image), slot, job));
        }

        [TestMethod]
        public void Run_DeviceMatchRefuses_403()
        {
            byte[] image = TestImage.Make(9000, 7, 8);
            MemorySlot slot = new MemorySlot(65536);
            FirmwareDownloader downloader = new FirmwareDownloader(Repository(image), slot, new StepClock());
            downloader.Match = delegate (McuBootHeader h) { return h.Major < 5; };

            Assert.AreEqual(FumoResultCode.DeviceMismatch, downloader.Run(Job()));
            Assert.IsTrue(slot.SecondaryErased);
        }

        [TestMethod]
        public void Run_NoContentLength_405()
        {
            byte[] image = TestImage.Make(9000, 2, 9);
            MemoryRepository repository = Repository(image);
            repository.OmitContentLength = true;

            Assert.AreEqual(FumoResultCode.NotAcceptable, Run(repository, new MemorySlot(65536), Job()));
        }

        [TestMethod]
        public void Run_ContentLengthShorterThanTheImage_402()
        {
            byte[] image = TestImage.Make(9000, 2, 10);
            MemoryRepository repository = Repository(image);
            repository.ContentLengthOverride = image.Length - 100;
            MemorySlot slot = new MemorySlot(65536);
            slot.ValidImage = image;

            Assert.AreEqual(FumoResultCode.CorruptedPackage, Run(repository, slot, Job()), "the stored prefix cannot verify");
        }

        [TestMethod]
        public void Run_ContentLengthLongerThanTheImage_FailsWithinTheAttemptBudget()
        {
            byte[] image = TestImage.Make(9000, 2, 11);
            MemoryRepository repository = Repository(image);
            repository.ContentLengthOverride = image.Length + 5000;
            MemorySlot slot = new MemorySlot(65536);

            int result = Run(repository, slot, Job());
            Assert.IsFalse(FumoResultCode.IsSuccess(result), "the body always ends short of what was announced");
            Assert.IsTrue(repository.RequestCount <= FirmwareDownloader.DefaultMaxAttempts + 1,
                "restarting from 0 and storing the same bytes again is not progress: no endless loop");
        }

        [TestMethod]
        public void Run_FlashWriteFails_409_SlotErased()
        {
            byte[] image = TestImage.Make(20000, 2, 12);
            MemorySlot slot = new MemorySlot(65536);
            slot.FailAppendAtOffset = 8192;

            Assert.AreEqual(FumoResultCode.UndefinedError, Run(Repository(image), slot, Job()));
            Assert.IsTrue(slot.SecondaryErased);
        }
    }
}
