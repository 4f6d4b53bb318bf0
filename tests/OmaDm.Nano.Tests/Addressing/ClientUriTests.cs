using System;
using nanoFramework.TestFramework;
using OmaDm.Nano.Addressing;

namespace OmaDm.Nano.Tests.Addressing
{
    [TestClass]
    public class ClientUriTests
    {
        private static ClientUri Parse(string text)
        {
            ClientUri uri;
            int status;
            Assert.IsTrue(ClientUri.TryParse(text, out uri, out status), "should parse: " + text);
            Assert.AreEqual(200, status);
            return uri;
        }

        private static void AssertRejected(string text, string reason)
        {
            ClientUri uri;
            int status;
            Assert.IsFalse(ClientUri.TryParse(text, out uri, out status), reason);
            Assert.AreEqual(400, status, reason);
            Assert.IsNull(uri, reason);
        }

        [TestMethod]
        public void TryParse_FullUri_SplitsMoidMiidAndPath()
        {
            ClientUri uri = Parse("urn:oma:mo:oma-fumo:1.0/fumo1/DownloadAndUpdate/PkgURL");
            Assert.AreEqual("urn:oma:mo:oma-fumo:1.0", uri.Moid);
            Assert.AreEqual("fumo1", uri.Miid);
            Assert.AreEqual("DownloadAndUpdate/PkgURL", uri.Path);
            Assert.AreEqual(2, uri.SegmentCount);
            Assert.AreEqual("DownloadAndUpdate", uri.GetSegment(0));
            Assert.AreEqual("PkgURL", uri.GetSegment(1));
            Assert.IsNull(uri.Query);
            Assert.IsNull(uri.CacheValidator);
            Assert.IsFalse(uri.IsWildcard);
            Assert.IsFalse(uri.IsMiidOmitted);
        }

        [TestMethod]
        public void TryParse_WithoutUrn_MoidGetsUrnPrefix()
        {
            ClientUri uri = Parse("oma:mo:oma-dm-devinfo:1.0//FwV");
            Assert.AreEqual("urn:oma:mo:oma-dm-devinfo:1.0", uri.Moid);
            Assert.AreEqual("urn:oma:mo:oma-dm-devinfo:1.0//FwV", uri.Format(), "output always carries urn:");
        }

        [TestMethod]
        public void TryParse_UpperCaseUrn_NormalizedToLowerPrefix()
        {
            Assert.AreEqual("urn:oma:mo:x:1.0", Parse("URN:oma:mo:x:1.0/a").Moid);
        }

        [TestMethod]
        public void TryParse_EmptyMiid_MiidOmitted()
        {
            ClientUri uri = Parse("urn:oma:mo:oma-dm-devinfo:1.0//FwV");
            Assert.IsTrue(uri.IsMiidOmitted);
            Assert.AreEqual("", uri.Miid);
            Assert.AreEqual("FwV", uri.Path);
        }

        [TestMethod]
        public void TryParse_MoidOnly_RootOfOnlyInstance()
        {
            ClientUri uri = Parse("urn:oma:mo:oma-dm-devinfo:1.0");
            Assert.IsTrue(uri.IsMiidOmitted);
            Assert.AreEqual("", uri.Path);
            Assert.AreEqual(0, uri.SegmentCount);
        }

        [TestMethod]
        public void TryParse_TrailingSlashAfterMiid_InstanceRoot()
        {
            ClientUri uri = Parse("urn:oma:mo:test:1.0/m1/");
            Assert.AreEqual("m1", uri.Miid);
            Assert.AreEqual(0, uri.SegmentCount);
            Assert.AreEqual(0, Parse("urn:oma:mo:test:1.0//").SegmentCount);
        }

        [TestMethod]
        public void TryParse_Wildcard_IsWildcard()
        {
            ClientUri uri = Parse("urn:oma:mo:oma-fumo:1.0/*/State");
            Assert.IsTrue(uri.IsWildcard);
            Assert.AreEqual("*", uri.Miid);
            Assert.AreEqual("State", uri.Path);
        }

        [TestMethod]
        public void TryParse_CacheValidator_ReadFromQuery()
        {
            ClientUri uri = Parse("urn:oma:mo:oma-dm-devinfo:1.0//FwV?cv=1a2b-7");
            Assert.AreEqual("1a2b-7", uri.CacheValidator);
            Assert.AreEqual("cv=1a2b-7", uri.Query);
            Assert.AreEqual("FwV", uri.Path, "the query is not part of the path");
            Assert.AreEqual("urn:oma:mo:oma-dm-devinfo:1.0//FwV", uri.Format(), "Format drops the query");
        }

        [TestMethod]
        public void TryParse_OtherQueryParameters_Ignored()
        {
            ClientUri uri = Parse("urn:oma:mo:x:1.0/a/b?x=1&cv=9&cvx=2");
            Assert.AreEqual("9", uri.CacheValidator);
        }

        [TestMethod]
        public void TryParse_AtMaxLength_Accepted()
        {
            string moid = "urn:oma:mo:x:1.0/m1/";
            string path = new string('a', ClientUri.MaxClientUriChars - moid.Length);
            Assert.AreEqual(ClientUri.MaxClientUriChars, Parse(moid + path).Format().Length);
        }

        [TestMethod]
        public void TryParse_OverMaxLength_400()
        {
            string moid = "urn:oma:mo:x:1.0/m1/";
            AssertRejected(moid + new string('a', ClientUri.MaxClientUriChars - moid.Length + 1), "over-long URI");
        }

        [TestMethod]
        public void TryParse_DotDotSegment_400()
        {
            AssertRejected("urn:oma:mo:x:1.0/m1/a/../b", "'..' in the path");
            AssertRejected("urn:oma:mo:x:1.0/../a", "'..' as MIID");
            AssertRejected("urn:oma:mo:x:1.0/m1/./a", "'.' segment");
        }

        [TestMethod]
        public void TryParse_EmptyInnerSegment_400()
        {
            AssertRejected("urn:oma:mo:x:1.0/m1/a//b", "empty segment inside the path");
            AssertRejected("urn:oma:mo:x:1.0/m1/a/", "trailing slash after a path segment is an empty segment");
            AssertRejected("/m1/a", "empty MOID");
        }

        [TestMethod]
        public void TryParse_ControlCharacters_400()
        {
            AssertRejected("urn:oma:mo:x:1.0/m1/a\nb", "LF");
            AssertRejected("urn:oma:mo:x:1.0/m1/a\u0000", "NUL");
            AssertRejected("urn:oma:mo:x:1.0/m1/a\u007F", "DEL");
            AssertRejected("urn:oma:mo:x:1.0/m1/a\u0085", "C1 control");
            AssertRejected("urn:oma:mo:x:1.0/m1/a\tb", "TAB");
        }

        [TestMethod]
        public void TryParse_SpaceHashBackslashNonAscii_400()
        {
            AssertRejected("urn:oma:mo:x:1.0/m1/a b", "space");
            AssertRejected("urn:oma:mo:x:1.0/m1/a#b", "fragment");
            AssertRejected("urn:oma:mo:x:1.0/m1/a\\b", "backslash");
            AssertRejected("urn:oma:mo:x:1.0/m1/caf\u00E9", "non-ASCII must be percent-encoded");
        }

        [TestMethod]
        public void TryParse_MisplacedWildcard_400()
        {
            AssertRejected("urn:oma:mo:x:1.0/m*/a", "'*' inside an MIID");
            AssertRejected("urn:oma:mo:x:1.0/m1/*", "'*' in the path");
            AssertRejected("urn:oma:mo:x:*/m1/a", "'*' in the MOID");
        }

        [TestMethod]
        public void TryParse_TooManySegments_400()
        {
            string text = "urn:oma:mo:x:1.0/m1";
            for (int i = 0; i < ClientUri.MaxPathSegments; i++)
            {
                text += "/s";
            }
            Assert.AreEqual(ClientUri.MaxPathSegments, Parse(text).SegmentCount);
            AssertRejected(text + "/s", "one segment over the bound");
        }

        [TestMethod]
        public void TryParse_BadCacheValidator_400()
        {
            AssertRejected("urn:oma:mo:x:1.0/m1/a?cv=", "empty cv");
            AssertRejected("urn:oma:mo:x:1.0/m1/a?cv", "cv without value");
            AssertRejected("urn:oma:mo:x:1.0/m1/a?cv=1&cv=2", "duplicate cv");
        }

        [TestMethod]
        public void TryParse_NullEmptyOrBadMoid_400()
        {
            AssertRejected(null, "null");
            AssertRejected("", "empty");
            AssertRejected("urn:", "urn: alone");
            AssertRejected("devinfo/m1/a", "a MOID needs a ':'");
        }

        [TestMethod]
        public void NormalizeMoid_Forms_UrnForm()
        {
            Assert.AreEqual("urn:oma:mo:oma-dm-dmacc:2.0", ClientUri.NormalizeMoid("oma:mo:oma-dm-dmacc:2.0"));
            Assert.AreEqual("urn:oma:mo:oma-dm-dmacc:2.0", ClientUri.NormalizeMoid("urn:oma:mo:oma-dm-dmacc:2.0"));
            Assert.IsNull(ClientUri.NormalizeMoid("oma:mo/x"));
            Assert.IsNull(ClientUri.NormalizeMoid(null));
        }

        [TestMethod]
        public void Format_Parts_EmitsUrnAndSlashes()
        {
            Assert.AreEqual("urn:oma:mo:x:1.0/m1/a/b", ClientUri.Format("oma:mo:x:1.0", "m1", "a/b"));
            Assert.AreEqual("urn:oma:mo:x:1.0/m1", ClientUri.Format("urn:oma:mo:x:1.0", "m1", ""));
            Assert.AreEqual("urn:oma:mo:x:1.0//a", ClientUri.Format("urn:oma:mo:x:1.0", "", "a"));
        }

        [TestMethod]
        public void Create_InvalidParts_ThrowsArgumentException()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => ClientUri.Create("urn:oma:mo:x:1.0", "m1", "a/../b"));
            Assert.AreEqual("m2", ClientUri.Create("urn:oma:mo:x:1.0", "m1", "a").WithMiid("m2").Miid);
        }
    }
}
