using nanoFramework.TestFramework;
using OmaDm.Nano.Session;
using OmaDm.Nano.Tests.Fakes;

namespace OmaDm.Nano.Tests.Session
{
    [TestClass]
    public class NotificationTests
    {
        /// <summary>
        /// Hand-written Package#0: VER 2, OC 4 → header 0x2200; SERVER-ID "srv" (0x13), NOTIFICATION-ID 7
        /// (delta 2 len 1: 0x21), SHA256-DIGEST (delta 1, len 13+19: 0x1D 0x13, 32 zero bytes),
        /// TIMESTAMP 1700000000 = 0x6553F100 (delta 1 len 4: 0x14).
        /// </summary>
        internal static byte[] Golden()
        {
            byte[] head = { 0x22, 0x00, 0x13, (byte)'s', (byte)'r', (byte)'v', 0x21, 0x07, 0x1D, 0x13 };
            byte[] tail = { 0x14, 0x65, 0x53, 0xF1, 0x00 };
            byte[] package = new byte[head.Length + 32 + tail.Length];
            for (int i = 0; i < head.Length; i++)
            {
                package[i] = head[i];
            }

            for (int i = 0; i < tail.Length; i++)
            {
                package[head.Length + 32 + i] = tail[i];
            }

            return package;
        }

        internal const int GoldenDigestOffset = 10;

        internal static byte[] Signed(byte[] package, int digestOffset, string secret)
        {
            byte[] digest = NotificationGuard.ComputeDigest(package, 0, package.Length, digestOffset, secret);
            for (int i = 0; i < 32; i++)
            {
                package[digestOffset + i] = digest[i];
            }

            return package;
        }

        [TestMethod]
        public void TryParse_Golden_ReadsEveryOption()
        {
            DmNotification n = new DmNotification();
            byte[] package = Golden();

            Assert.IsTrue(NotificationParser.TryParse(package, 0, package.Length, n));
            Assert.AreEqual(2, n.Version);
            Assert.AreEqual("srv", n.ServerId);
            Assert.AreEqual(7L, n.NotificationId);
            Assert.AreEqual(1700000000L, n.Timestamp);
            Assert.AreEqual(GoldenDigestOffset, n.DigestOffset);
            Assert.AreEqual(-1, n.PreferredConnectionType);
            Assert.AreEqual(0, n.RequestedMosCount);
        }

        [TestMethod]
        public void TryParse_OptionalOptionsAndExtendedDelta_Read()
        {
            // OC 6: SERVER-ID, PREFERRED-CON-TYPE=1, NOTIFICATION-ID 0x0102 (len 2), DIGEST, TIMESTAMP (8 bytes), REQ-MOS "urn:x"
            byte[] package = new byte[2 + 4 + 2 + 3 + 2 + 32 + 9 + 6];
            int p = 0;
            package[p++] = 0x23; package[p++] = 0x00; // VER 2, OC 6
            package[p++] = 0x13; package[p++] = (byte)'s'; package[p++] = (byte)'r'; package[p++] = (byte)'v';
            package[p++] = 0x11; package[p++] = 0x01;
            package[p++] = 0x12; package[p++] = 0x01; package[p++] = 0x02;
            package[p++] = 0x1D; package[p++] = 0x13; p += 32;
            package[p++] = 0x18; p += 4; package[p++] = 0x65; package[p++] = 0x53; package[p++] = 0xF1; package[p++] = 0x00;
            package[p++] = 0x15; package[p++] = (byte)'u'; package[p++] = (byte)'r'; package[p++] = (byte)'n'; package[p++] = (byte)':'; package[p++] = (byte)'x';
            DmNotification n = new DmNotification();

            Assert.AreEqual(package.Length, p);
            Assert.IsTrue(NotificationParser.TryParse(package, 0, package.Length, n));
            Assert.AreEqual(1, n.PreferredConnectionType);
            Assert.AreEqual(258L, n.NotificationId);
            Assert.AreEqual(1700000000L, n.Timestamp);
            Assert.AreEqual(1, n.RequestedMosCount);
            Assert.AreEqual("urn:x", n.RequestedMos(0));
        }

        [TestMethod]
        public void TryParse_Hostile_Rejected()
        {
            DmNotification n = new DmNotification();
            byte[] good = Golden();
            Assert.IsFalse(NotificationParser.TryParse(good, 0, good.Length - 1, n), "truncated");
            Assert.IsFalse(NotificationParser.TryParse(good, 0, 1, n), "no header");
            Assert.IsFalse(NotificationParser.TryParse(null, 0, 0, n));
            Assert.IsFalse(NotificationParser.TryParse(new byte[600], 0, 600, n), "over the size bound");

            byte[] trailing = new byte[good.Length + 1];
            good.CopyTo(trailing, 0);
            Assert.IsFalse(NotificationParser.TryParse(trailing, 0, trailing.Length, n), "bytes after the last option");

            byte[] bad = Golden(); bad[0] = 0x12;
            Assert.IsFalse(NotificationParser.TryParse(bad, 0, bad.Length, n), "version 1");
            bad = Golden(); bad[1] = 0x01;
            Assert.IsFalse(NotificationParser.TryParse(bad, 0, bad.Length, n), "reserved bits set");
            bad = Golden(); bad[0] = 0x22; bad[1] = 0x80;
            Assert.IsFalse(NotificationParser.TryParse(bad, 0, bad.Length, n), "OC 5 but 4 options");
            bad = Golden(); bad[6] = 0x31;
            Assert.IsFalse(NotificationParser.TryParse(bad, 0, bad.Length, n), "id option shifted onto DIGEST with a 1-byte value");
            bad = Golden(); bad[6] = 0xF1;
            Assert.IsFalse(NotificationParser.TryParse(bad, 0, bad.Length, n), "delta nibble 15 reserved");
            bad = Golden(); bad[7] = 0x00;
            Assert.IsFalse(NotificationParser.TryParse(bad, 0, bad.Length, n), "notification id 0");
            bad = Golden(); bad[3] = 0x01;
            Assert.IsFalse(NotificationParser.TryParse(bad, 0, bad.Length, n), "control char in SERVER-ID");
            bad = Golden(); bad[9] = 0x12;
            Assert.IsFalse(NotificationParser.TryParse(bad, 0, bad.Length, n), "digest of 31 bytes");
        }

        private static NotificationGuard Guard(SessionFixture f)
        {
            return new NotificationGuard(f.Store, f.Clock);
        }

        private static DmAccount[] Accounts()
        {
            return new DmAccount[] { SessionFixture.Account() };
        }

        [TestMethod]
        public void Check_Valid_AcceptedOnceThenReplayed()
        {
            SessionFixture f = new SessionFixture();
            byte[] package = Signed(Golden(), GoldenDigestOffset, "noti-secret");
            DmNotification n = new DmNotification();

            Assert.AreEqual((int)NotificationResult.Accepted, (int)Guard(f).Check(package, 0, package.Length, n, Accounts()));
            Assert.AreEqual((int)NotificationResult.Replayed, (int)Guard(f).Check(package, 0, package.Length, n, Accounts()));
            f.Boot();
            Assert.AreEqual((int)NotificationResult.Replayed, (int)Guard(f).Check(package, 0, package.Length, n, Accounts()), "seen ids survive a reset");
        }

        [TestMethod]
        public void Check_WrongDigestUnknownServerStaleNoSecret_Rejected()
        {
            SessionFixture f = new SessionFixture();
            DmNotification n = new DmNotification();

            byte[] wrongKey = Signed(Golden(), GoldenDigestOffset, "other-secret");
            Assert.AreEqual((int)NotificationResult.BadDigest, (int)Guard(f).Check(wrongKey, 0, wrongKey.Length, n, Accounts()));

            byte[] tampered = Signed(Golden(), GoldenDigestOffset, "noti-secret");
            tampered[7] = 8; // id changed after signing
            Assert.AreEqual((int)NotificationResult.BadDigest, (int)Guard(f).Check(tampered, 0, tampered.Length, n, Accounts()));

            byte[] good = Signed(Golden(), GoldenDigestOffset, "noti-secret");
            DmAccount other = SessionFixture.Account();
            other.ServerId = "someone-else";
            Assert.AreEqual((int)NotificationResult.UnknownServer, (int)Guard(f).Check(good, 0, good.Length, n, new DmAccount[] { other }));

            DmAccount noSecret = SessionFixture.Account();
            noSecret.NotificationSecret = null;
            Assert.AreEqual((int)NotificationResult.BadDigest, (int)Guard(f).Check(good, 0, good.Length, n, new DmAccount[] { noSecret }));

            f.Clock.Now = 1700000000 + NotificationGuard.FreshnessSeconds + 1;
            Assert.AreEqual((int)NotificationResult.Stale, (int)Guard(f).Check(good, 0, good.Length, n, Accounts()));
            f.Clock.Now = 1700000000 - NotificationGuard.FreshnessSeconds - 1;
            Assert.AreEqual((int)NotificationResult.Stale, (int)Guard(f).Check(good, 0, good.Length, n, Accounts()), "from the future");

            f.Clock.Now = -1;
            Assert.AreEqual((int)NotificationResult.Accepted, (int)Guard(f).Check(good, 0, good.Length, n, Accounts()), "clock unset: freshness skipped, replay still checked");
        }

        [TestMethod]
        public void Check_ManyIds_SeenSetStaysBounded()
        {
            SessionFixture f = new SessionFixture();
            DmNotification n = new DmNotification();
            for (int id = 1; id <= NotificationGuard.MaxSeenIds + 5; id++)
            {
                byte[] package = Golden();
                package[7] = (byte)id;
                package[46] = (byte)id; // timestamp low byte (10 header+options, 32 digest, 1 option byte, 3 more) grows with the id
                Signed(package, GoldenDigestOffset, "noti-secret");
                Assert.AreEqual((int)NotificationResult.Accepted, (int)Guard(f).Check(package, 0, package.Length, n, Accounts()));
            }

            Assert.AreEqual(NotificationGuard.MaxSeenIds, f.Store.Keys(NotificationGuard.SeenPrefix).Length);
        }

        [TestMethod]
        public void HandleNotification_Valid_RunsServerInitiatedSession()
        {
            SessionFixture f = new SessionFixture();
            f.Transport.EnqueuePackage2("{\"CMD\":[[\"END\"]]}");
            byte[] package = Signed(Golden(), GoldenDigestOffset, "noti-secret");
            SessionOutcome outcome;

            NotificationResult result = f.Client.HandleNotification(package, 0, package.Length, out outcome);

            Assert.AreEqual((int)NotificationResult.Accepted, (int)result);
            Assert.AreEqual((int)SessionResult.Completed, (int)outcome.Result);
            Assert.EndsWith("{\"AlertType\":\"urn:oma:at:dm:2.0:ServerInitiatedMgmt\",\"Data\":\"7\"}]}", f.DmBody(0));
        }

        [TestMethod]
        public void HandleNotification_Hostile_NoSession()
        {
            SessionFixture f = new SessionFixture();
            byte[] package = Signed(Golden(), GoldenDigestOffset, "wrong");
            SessionOutcome outcome;

            Assert.AreEqual((int)NotificationResult.BadDigest, (int)f.Client.HandleNotification(package, 0, package.Length, out outcome));
            Assert.IsNull(outcome);
            Assert.AreEqual(0, f.Transport.RequestCount);
        }
    }
}
