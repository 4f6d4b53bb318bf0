using nanoFramework.TestFramework;
using OmaDm.Nano.Http1;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Tests.Http1
{
    [TestClass]
    public class HttpTargetTests
    {
        [TestMethod]
        public void TryParse_GoodUrls_SplitIntoSchemeHostPortPath()
        {
            AssertTarget("https://dm.example.com/dm", true, "dm.example.com", 443, "/dm");
            AssertTarget("http://127.0.0.1:8080/dm?x=1&y=2", false, "127.0.0.1", 8080, "/dm?x=1&y=2");
            AssertTarget("HTTPS://Host.Example:8443", true, "Host.Example", 8443, "/");
            AssertTarget("http://h?q=1", false, "h", 80, "/?q=1");
            AssertTarget("https://h/a/b#frag", true, "h", 443, "/a/b");
            AssertTarget("https://h#frag", true, "h", 443, "/");
            AssertTarget("http://h:65535/", false, "h", 65535, "/");
            AssertTarget("http://h:1", false, "h", 1, "/");
            AssertTarget("https://h:0443/x", true, "h", 443, "/x");
            AssertTarget("https://my_host-1.local/%41?a=%20", true, "my_host-1.local", 443, "/%41?a=%20");
        }

        [TestMethod]
        public void TryParse_BadUrls_AreRefused()
        {
            string[] bad =
            {
                null, "", "dm.example.com/x", "ftp://h/", "https://", "https:///x", "https://:80/", "http:/h/", "https:h",
                "https://a b/", "https://h/a b", "https://h/\u0001", "https://h/\u007f", "https://h\r\nX: y/", "https://h/\u00e9",
                "https://h:0/", "https://h:65536/", "https://h:/", "https://h:8x/", "https://h:123456/", "https://h:-1/",
                "https://user@h/", "https://user:pw@h/", "https://[::1]/", "https://[::1]:443/", "https://h%20/", "https://h:80:80/"
            };
            foreach (string url in bad)
            {
                HttpTarget target;
                Assert.IsFalse(HttpTarget.TryParse(url, out target), url == null ? "null" : url);
                Assert.IsNull(target, "no target for a refused URL");
            }
        }

        [TestMethod]
        public void TryParse_LengthBound_IsUrlRulesMaxUrlChars()
        {
            HttpTarget target;
            string longest = "https://h/" + new string('x', UrlRules.MaxUrlChars - 10);
            Assert.AreEqual(UrlRules.MaxUrlChars, longest.Length);
            Assert.IsTrue(HttpTarget.TryParse(longest, out target));
            Assert.IsFalse(HttpTarget.TryParse(longest + "x", out target));
        }

        private static void AssertTarget(string url, bool https, string host, int port, string pathAndQuery)
        {
            HttpTarget target;
            Assert.IsTrue(HttpTarget.TryParse(url, out target), url);
            Assert.AreEqual(https, target.IsHttps, url);
            Assert.AreEqual(host, target.Host, url);
            Assert.AreEqual(port, target.Port, url);
            Assert.AreEqual(pathAndQuery, target.PathAndQuery, url);
        }
    }
}
