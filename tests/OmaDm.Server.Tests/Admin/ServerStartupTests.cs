namespace OmaDm.Server.Tests.Admin;

[TestClass]
public sealed class ServerStartupTests
{
    [TestMethod]
    [DataRow("http://0.0.0.0:8080")]
    [DataRow("http://*:8080")]
    [DataRow("http://192.168.1.10:8080")]
    [DataRow("http://127.0.0.1:0;http://example.com:80")]
    public void Build_PlainHttpOffLoopbackWithoutOptIn_Throws(string urls) =>
        Assert.ThrowsExactly<InvalidOperationException>(() => DmServer.Build(new ServerOptions { Urls = urls, Database = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".db") }));

    [TestMethod]
    public async Task Build_PlainHttpOffLoopbackWithAllowHttp_IsAccepted()
    {
        var folder = Path.Combine(Path.GetTempPath(), "omadm-server-tests", Guid.NewGuid().ToString("N"));
        await using var server = DmServer.Build(new ServerOptions { Urls = "http://0.0.0.0:0", AllowHttp = true, Database = Path.Combine(folder, "x.db") });

        Assert.IsNotNull(server.AdminToken, "a token is generated when none is given");
        Assert.IsGreaterThanOrEqualTo(24, server.AdminToken.Length);
    }

    [TestMethod]
    public void Main_UnreachablePostgres_Returns2() =>
        Assert.AreEqual(2, Program.Main(["--urls", "http://127.0.0.1:0", "--db", "Host=127.0.0.1;Port=1;Database=omadm;Username=x;Timeout=2"]));

    [TestMethod]
    public void Main_UnknownOption_ReturnsNonZero() => Assert.AreNotEqual(0, Program.Main(["--no-such-option"]));

    [TestMethod]
    public void Main_NonLoopbackHttp_Returns2()
    {
        var db = Path.Combine(Path.GetTempPath(), "omadm-server-tests", Guid.NewGuid().ToString("N"), "x.db");
        Assert.AreEqual(2, Program.Main(["--urls", "http://0.0.0.0:0", "--db", db]));
    }
}
