using System.Text;
using OmaDm.Server.Dm;

namespace OmaDm.Server.Tests.Dm;

[TestClass]
public sealed class HttpBasicTests
{
    private static string Header(string raw) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(raw));

    [TestMethod]
    [DataRow("dev-1:secret", null, "dev-1", "secret")]
    [DataRow("dev-1:sec:ret", null, "dev-1", "sec:ret")]
    [DataRow("MAC:a1b2:pw", "MAC:a1b2", "MAC:a1b2", "pw")]
    [DataRow("MAC:a1b2:pw:x", "MAC:a1b2", "MAC:a1b2", "pw:x")]
    [DataRow("MAC:a1b2:pw", "MAC:zzzz", "MAC", "a1b2:pw")]
    [DataRow("user:", null, "user", "")]
    public void TryParse_SplitsAtFirstColonOrAfterTheExpectedDevId(string raw, string? expected, string user, string password)
    {
        Assert.IsTrue(HttpBasic.TryParse(Header(raw), expected, out var u, out var p));
        Assert.AreEqual(user, u);
        Assert.AreEqual(password, p);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("Bearer abc")]
    [DataRow("Basic ***")]
    [DataRow("Basic bm8tY29sb24=")] // "no-colon"
    [DataRow("Basic OnB3")]         // ":pw" (empty user)
    [DataRow("Basic //79")]         // invalid UTF-8
    public void TryParse_Malformed_IsFalse(string? header) =>
        Assert.IsFalse(HttpBasic.TryParse(header, out _, out _));
}
