using nanoFramework.TestFramework;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Tests.Platform
{
    [TestClass]
    public class UrlRulesTests
    {
        [TestMethod]
        public void IsHttpUrl_AcceptsAbsoluteHttp()
        {
            Assert.IsTrue(UrlRules.IsHttpUrl("https://dm.example.com/dm"));
            Assert.IsTrue(UrlRules.IsHttpUrl("HTTP://a:8080"));
            Assert.IsTrue(UrlRules.IsHttpUrl("https://[::1]:5001/x?y#z"));
        }

        [TestMethod]
        public void IsHttpUrl_RejectsOthers()
        {
            string[] bad =
            {
                null, "", "dm.example.com", "ftp://x/y", "https://", "https:///x", "https://a b/", "https://a:0/", "https://a:65536/",
                "https://a:x/", "https://a:/", "https://user@evil/", "https://[::1/", "javascript:alert(1)", "https://a/\u0001"
            };
            foreach (string url in bad)
            {
                Assert.IsFalse(UrlRules.IsHttpUrl(url), url == null ? "null" : url);
            }

            Assert.IsFalse(UrlRules.IsHttpUrl("https://a/" + new string('x', UrlRules.MaxUrlChars)), "over the length bound");
        }

        [TestMethod]
        public void IsAllowed_SecureByDefault()
        {
            Assert.IsTrue(UrlRules.IsAllowed("https://dm.example.com/", false));
            Assert.IsFalse(UrlRules.IsAllowed("http://dm.example.com/", false));
            Assert.IsTrue(UrlRules.IsAllowed("http://dm.example.com/", true), "explicit opt-in");
            Assert.IsTrue(UrlRules.IsAllowed("http://127.0.0.1:5000/dm", false));
            Assert.IsTrue(UrlRules.IsAllowed("http://localhost/dm", false));
            Assert.IsTrue(UrlRules.IsAllowed("http://[::1]:80/", false));
            Assert.IsFalse(UrlRules.IsAllowed("http://127.evil.com/", false), "not an IPv4 loopback address");
            Assert.IsFalse(UrlRules.IsAllowed("http://localhost.evil.com/", false));
        }

        [TestMethod]
        public void SameOrigin_ComparesSchemeHostPort()
        {
            Assert.IsTrue(UrlRules.SameOrigin("http://A.example.com/x", "http://a.example.com:80/y"));
            Assert.IsFalse(UrlRules.SameOrigin("http://a.example.com/x", "https://a.example.com/x"));
            Assert.IsFalse(UrlRules.SameOrigin("http://a.example.com:81/", "http://a.example.com/"));
            Assert.IsFalse(UrlRules.SameOrigin("http://a.example.com/", "http://b.example.com/"));
            Assert.IsFalse(UrlRules.SameOrigin("http://a.example.com.evil/", "http://a.example.com/"));
        }
    }
}
