using System.IO;
using System.Text;
using OmaDm.Nano.Addressing;
using OmaDm.Nano.Firmware;
using OmaDm.Nano.Protocol;
using OmaDm.Nano.Session;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tests.Fakes;
using OmaDm.Nano.Tree;

namespace OmaDm.Nano.Tests.Firmware.Fakes
{
    /// <summary>
    /// One simulated device for FUMO tests: record store over in-RAM flash, tree, alert queue, an
    /// in-RAM slot with a factory image, a repository serving the new image, and the agent. Reset()
    /// is a power cycle: flash as left, new objects, the slot's boot loader runs.
    /// </summary>
    public sealed class FumoRig
    {
        /// <summary>Server id used for commands.</summary>
        public const string Server = "srv";

        /// <summary>The FUMO instance prefix (MOID/ with the MIID omitted) as the reference server sends it; paths follow after another "/".</summary>
        public const string Fumo = "urn:oma:mo:oma-fumo:1.0/";

        /// <summary>Creates the device with factory image 1.x and the repository serving <paramref name="image"/>.</summary>
        /// <param name="image">The new image.</param>
        public FumoRig(byte[] image)
        {
            Image = image;
            Slot = new MemorySlot(128 * 1024);
            Slot.InstallPrimary(TestImage.Make(3000, 1, 99));
            Slot.ValidImage = image;
            Repository = new MemoryRepository();
            Repository.Image = image;
            Flash = new MemoryFlashFiles();
            Boot();
        }

        /// <summary>The new image.</summary>
        public byte[] Image;

        /// <summary>The slot (survives resets).</summary>
        public MemorySlot Slot;

        /// <summary>The repository.</summary>
        public MemoryRepository Repository;

        /// <summary>The record store's flash (survives resets).</summary>
        public MemoryFlashFiles Flash;

        /// <summary>Current boot's store.</summary>
        public RecordStore Store;

        /// <summary>Current boot's tree.</summary>
        public ManagementTree Tree;

        /// <summary>Current boot's alert queue.</summary>
        public AlertQueue Alerts;

        /// <summary>Current boot's agent.</summary>
        public FumoAgent Agent;

        /// <summary>Clock (sleeps recorded).</summary>
        public StepClock Clock = new StepClock();

        /// <summary>Power cycle: the flash as it is, fresh objects, the slot's boot loader.</summary>
        public void Reset()
        {
            Flash = Flash.Reboot();
            Slot.Reboot();
            Boot();
        }

        private void Boot()
        {
            Store = new RecordStore(Flash);
            Store.Load();
            Tree = new ManagementTree(Store);
            Alerts = new AlertQueue(Store);
            Agent = new FumoAgent(Tree, Slot, Repository, Clock, Alerts.Stage);
            Agent.Register();
            Tree.Load();
        }

        /// <summary>EXEC as the server sends it (ServerURI "" and a correlator); commits like the end of a Package#2.</summary>
        /// <param name="node">"Download", "Update" or "DownloadAndUpdate".</param>
        /// <param name="correlator">Correlator, or null.</param>
        public int Exec(string node, string correlator)
        {
            int status = Tree.Exec(Uri(node), Server, new ExecRequest("", correlator));
            Tree.Commit();
            return status;
        }

        /// <summary>HGET of a text value into a leaf; commits.</summary>
        /// <param name="path">Leaf path below the instance.</param>
        /// <param name="text">The value.</param>
        public int SetLeaf(string path, string text)
        {
            byte[] body = Encoding.UTF8.GetBytes(text);
            int status = Tree.WriteFromBody(Uri(path), Server, "text/plain", new MemoryStream(body), body.Length);
            Tree.Commit();
            return status;
        }

        /// <summary>HGET of the image into Update/PkgData; commits.</summary>
        public int HgetPkgData()
        {
            int status = Tree.WriteFromBody(Uri("Update/PkgData"), Server, "application/octet-stream", new MemoryStream(Image), Image.Length);
            Tree.Commit();
            return status;
        }

        /// <summary>Runs the pending work and the boot settles it leads to, as the device loop does.</summary>
        /// <param name="healthy">What the health check answers.</param>
        public void RunWorkAndSettle(bool healthy)
        {
            FumoRunResult result = Agent.RunPendingWork();
            int guard = 0;
            while (result == FumoRunResult.Rebooted && guard++ < 8)
            {
                // On a board the reboot restarts everything; the fake slot already swapped.
                result = Agent.Settle(delegate { return healthy; });
            }
        }

        /// <summary>What a device does after a reset: settle a swapped image (rebooting as asked), then finish pending work.</summary>
        /// <param name="healthy">What the health check answers.</param>
        public void BootAndFinish(bool healthy)
        {
            int guard = 0;
            while (Agent.Settle(delegate { return healthy; }) == FumoRunResult.Rebooted && guard++ < 8)
            {
            }

            RunWorkAndSettle(healthy);
        }

        /// <summary>Alerts waiting in the queue.</summary>
        public GenericAlert[] QueuedAlerts()
        {
            int count = Alerts.TakeBatch(16);
            GenericAlert[] alerts = new GenericAlert[count];
            for (int i = 0; i < count; i++)
            {
                alerts[i] = Alerts.BatchItem(i);
            }

            Alerts.ReleaseBatch();
            return alerts;
        }

        /// <summary>The running image's version major.</summary>
        public int RunningMajor { get { return Slot.GetHeader(SlotId.Primary).Major; } }

        private static ClientUri Uri(string path)
        {
            ClientUri uri;
            int status;
            ClientUri.TryParse(Fumo + "/" + path, out uri, out status);
            return uri;
        }
    }
}
