using nanoFramework.TestFramework;
using OmaDm.Nano.Protocol;
using OmaDm.Nano.Session;
using OmaDm.Nano.Storage;
using OmaDm.Nano.Tests.Fakes;
using OmaDm.Nano.Tests.Session;

namespace OmaDm.Nano.Tests.Storage
{
    /// <summary>
    /// Power cut after every flash operation of a real client session (boot, Package#1 with a queued
    /// Generic Alert, a Package#2 of 50 HGETs into 50 leaves, END): the next boot sees one of the three
    /// committed states, and the client runs a session again.
    /// </summary>
    [TestClass]
    public class SessionCrashTests
    {
        private const int Nodes = 50;
        private const string T = SessionFixture.Moid;

        private static GenericAlert Alert()
        {
            GenericAlert alert = new GenericAlert();
            alert.AlertType = "org.openmobilealliance.dm.firmwareupdate.download";
            alert.SourceUri = "urn:oma:mo:oma-fumo:1.0/fumo1/Download";
            alert.DataType = "int";
            alert.Data = "200";
            return alert;
        }

        private static SessionFixture ScriptedSession(MemoryFlashFiles flash)
        {
            SessionFixture f = new SessionFixture(flash);
            string commands = "";
            for (int i = 0; i < Nodes; i++)
            {
                f.Transport.AddResource("https://repo.example.com/n" + i.ToString(), 200, "text/plain", "new value " + i.ToString());
                commands += (i == 0 ? "" : ",") + "[\"HGET\",\"https://repo.example.com/n" + i.ToString() + "\",\"" + T + "/t1/Dyn/n" + i.ToString() + "\"]";
            }
            f.Transport.EnqueuePackage2(SessionFixture.Package2(commands));
            f.Transport.EnqueuePackage2(SessionFixture.Package2("[\"END\"]"));
            return f;
        }

        /// <summary>The store's whole content as one comparable string.</summary>
        private static string[] Contents(MemoryFlashFiles flash)
        {
            RecordStore store = new RecordStore(flash);
            Assert.AreEqual((int)StoreResult.Success, (int)store.Load());
            string[] keys = store.Keys(null);
            string[] lines = new string[keys.Length];
            for (int i = 0; i < keys.Length; i++)
            {
                byte[] value = store.Get(keys[i]);
                lines[i] = keys[i] + "=" + System.Text.Encoding.UTF8.GetString(value, 0, value.Length);
            }
            return lines;
        }

        private static bool Same(string[] a, string[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }
            return true;
        }

        [TestMethod]
        public void Session_PowerCutAfterEveryOperation_OneOfTheCommittedStatesAndClientRecovers()
        {
            MemoryFlashFiles baseline = new MemoryFlashFiles();
            SessionFixture setup = new SessionFixture(baseline);
            for (int i = 0; i < Nodes; i++)
            {
                setup.Instance.SetText("Dyn/n" + i.ToString(), "old value " + i.ToString());
            }
            Assert.AreEqual((int)StoreResult.Success, (int)setup.Tree.Commit());
            Assert.AreEqual((int)StoreResult.Success, (int)setup.Client.Alerts.Enqueue(Alert()));
            string[] before = Contents(baseline.Reboot());

            MemoryFlashFiles counting = baseline.Reboot();
            SessionFixture clean = ScriptedSession(counting);
            Assert.AreEqual((int)SessionResult.Completed, (int)clean.Client.Run().Result);
            int operations = counting.OperationCount;
            string[] after = Contents(counting.Reboot());
            // Between the two: the alert's removal committed (after Package#1), the 50 values not yet.
            string[] alertSent = new string[after.Length];
            for (int i = 0; i < after.Length; i++)
            {
                alertSent[i] = after[i];
                for (int j = 0; j < before.Length; j++)
                {
                    if (after[i].IndexOf("/Dyn/n") >= 0 && before[j].Substring(0, before[j].IndexOf('=')) == after[i].Substring(0, after[i].IndexOf('=')))
                    {
                        alertSent[i] = before[j];
                    }
                }
            }
            Assert.IsFalse(Same(before, alertSent), "the alert queue changed");
            Assert.IsFalse(Same(alertSent, after), "the 50 values changed");

            int tried = 0;
            int[] seen = new int[3];
            int[] tornModes = new int[] { -1, 0, 5 };
            for (int cut = 1; cut <= operations; cut++)
            {
                for (int m = 0; m < tornModes.Length; m++)
                {
                    MemoryFlashFiles flash = baseline.Reboot();
                    flash.PowerCutAfterOperations = cut;
                    flash.TornWriteBytes = tornModes[m];
                    ScriptedSession(flash).Client.Run();
                    Assert.IsTrue(flash.IsPowerOff);

                    MemoryFlashFiles rebooted = flash.Reboot();
                    string[] state = Contents(rebooted);
                    int which = Same(state, before) ? 0 : Same(state, alertSent) ? 1 : Same(state, after) ? 2 : -1;
                    Assert.AreNotEqual(-1, which, "cut after operation " + cut.ToString() + ": a state that was never committed");
                    seen[which]++;

                    SessionFixture again = new SessionFixture(rebooted);
                    again.Transport.EnqueuePackage2(SessionFixture.Package2("[\"END\"]"));
                    Assert.AreEqual((int)SessionResult.Completed, (int)again.Client.Run().Result, "the client runs a session after the reset");
                    Assert.AreEqual(0, again.Client.Alerts.Count, "a queued alert goes out in the next session");
                    tried++;
                }
            }
            OutputHelper.WriteLine("session of 50 HGETs: " + operations.ToString() + " operations, " + tried.ToString() + " crash points; before " + seen[0].ToString() + ", alert sent " + seen[1].ToString() + ", after " + seen[2].ToString());
            Assert.IsTrue(seen[0] > 0 && seen[1] > 0 && seen[2] > 0, "cuts land in each of the three states");
        }
    }
}
