using System.Text;
using System.Text.Json;
using OmaDm.Nano.Esp32.Settings;
using OmaDm.Nano.Host.Tests.Repository;
using OmaDm.Nano.Session;

namespace OmaDm.Nano.Host.Tests.Esp32;

/// <summary>The board settings parser (same source as the device build) and the board folders' settings files.</summary>
[TestClass]
public sealed class BoardSettingsTests
{
    public static IEnumerable<object[]> Boards() =>
        Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root, "boards"))
            .Where(d => File.Exists(Path.Combine(d, "settings.template.json")))
            .Select(d => new object[] { Path.GetFileName(d) });

    [TestMethod]
    public void Boards_AtLeastTheTwoDevKitsExist()
    {
        var names = Boards().Select(b => (string)b[0]).ToList();
        CollectionAssert.Contains(names, "esp32-devkitc");
        CollectionAssert.Contains(names, "esp32-s3-devkitc");
    }

    [TestMethod]
    [DynamicData(nameof(Boards))]
    public void Template_ParsesAsBoardAndBootstrapSettings(string board)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "boards", board, "settings.template.json"));

        var result = BoardSettings.TryParse(bytes, bytes.Length, out var settings);

        Assert.AreEqual(BoardSettingsResult.Loaded, result);
        Assert.IsNotNull(settings.Bootstrap, "the DM members must satisfy the core's BootstrapSettings");
        Assert.AreEqual("omadm-server", settings.Bootstrap.ServerId, "the reference server's default --server-id");
        Assert.StartsWith("https://", settings.Bootstrap.ServerUri, "secure by default");
        Assert.IsFalse(settings.Bootstrap.AllowInsecure);
        Assert.AreEqual(BoardSettings.DefaultCaCertificatePath, settings.CaCertificateFile);
        Assert.IsGreaterThanOrEqualTo(BoardSettings.MinSessionIntervalSeconds, settings.SessionIntervalSeconds);
        Assert.IsLessThanOrEqualTo(BootstrapSettings.MaxFileBytes, bytes.Length);
    }

    [TestMethod]
    [DynamicData(nameof(Boards))]
    public void DeployJson_WritesSettingsAndCaWhereTheAppReadsThem(string board)
    {
        // nanoff reads this with System.Text.Json, property names case-insensitive (FileDeploymentManager).
        var json = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "boards", board, "deploy.json"));
        var config = JsonSerializer.Deserialize<DeployConfig>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

        Assert.IsFalse(string.IsNullOrEmpty(config.SerialPort));
        var targets = config.Files!.ToDictionary(f => f.DestinationFilePath!, f => f.SourceFilePath!);
        Assert.AreEqual("settings.json", targets[BoardSettings.DefaultPath]);
        Assert.AreEqual("ca.pem", targets[BoardSettings.DefaultCaCertificatePath]);
    }

    [TestMethod]
    public void TryParse_BoardMembers_AreRead()
    {
        var result = Parse("""{"ServerId":"s","ServerUri":"https://h/dm","WifiSsid":"net","WifiPassword":"pw","CaCertificateFile":"I:\\ca.der","SessionIntervalSeconds":120,"NotificationPort":5000,"LedPin":5,"FirmwareImage":"NanoClr","SlotCapacityBytes":65536}""", out var s);

        Assert.AreEqual(BoardSettingsResult.Loaded, result);
        Assert.AreEqual("net", s.WifiSsid);
        Assert.AreEqual("pw", s.WifiPassword);
        Assert.AreEqual("I:\\ca.der", s.CaCertificateFile);
        Assert.AreEqual(120, s.SessionIntervalSeconds);
        Assert.AreEqual(5000, s.NotificationPort);
        Assert.AreEqual(5, s.LedPin);
        Assert.AreEqual("NanoClr", s.FirmwareImage);
        Assert.AreEqual(65536, s.SlotCapacityBytes);
    }

    [TestMethod]
    public void TryParse_MissingBoardMembers_GetDefaults()
    {
        Assert.AreEqual(BoardSettingsResult.Loaded, Parse("""{"ServerId":"s","ServerUri":"https://h/dm"}""", out var s));

        Assert.IsNull(s.WifiSsid, "null = use the Wi-Fi credentials stored on the device");
        Assert.AreEqual(BoardSettings.DefaultSessionIntervalSeconds, s.SessionIntervalSeconds);
        Assert.AreEqual(0, s.NotificationPort);
        Assert.AreEqual(-1, s.LedPin);
        Assert.AreEqual("Deployment", s.FirmwareImage);
        Assert.AreEqual(BoardSettings.DefaultSlotCapacityBytes, s.SlotCapacityBytes);
    }

    [TestMethod]
    public void TryParse_ClientCertificateMembers_AreRead()
    {
        var result = Parse("""{"ClientCertificateFile":"I:\\client.pem","ClientKeyFile":"I:\\client.key","ClientKeyPassword":"k","UseDeviceCertificate":false}""", out var s);

        Assert.AreEqual(BoardSettingsResult.Loaded, result);
        Assert.AreEqual("I:\\client.pem", s.ClientCertificateFile);
        Assert.AreEqual("I:\\client.key", s.ClientKeyFile);
        Assert.AreEqual("k", s.ClientKeyPassword);
        Assert.IsFalse(s.UseDeviceCertificate);
        Assert.IsTrue(s.WantsClientCertificate, "a certificate file is configured");
    }

    [TestMethod]
    public void TryParse_NoClientCertificate_ByDefault()
    {
        Assert.AreEqual(BoardSettingsResult.Loaded, Parse("""{"ServerId":"s","ServerUri":"https://h/dm"}""", out var s));

        Assert.IsNull(s.ClientCertificateFile);
        Assert.IsNull(s.ClientKeyFile);
        Assert.IsNull(s.ClientKeyPassword);
        Assert.IsFalse(s.UseDeviceCertificate);
        Assert.IsFalse(s.WantsClientCertificate, "plain server-authenticated TLS");
        Assert.IsNull(s.ReadClientCertificate(), "no file named, nothing read");
    }

    [TestMethod]
    public void TryParse_StoredDeviceCertificate_WantsClientCertificate()
    {
        Assert.AreEqual(BoardSettingsResult.Loaded, Parse("""{"UseDeviceCertificate":true}""", out var s));
        Assert.IsTrue(s.UseDeviceCertificate);
        Assert.IsTrue(s.WantsClientCertificate);
    }

    [TestMethod]
    public void ReadClientCertificate_ReadsBothFiles_BoundedLikeTheCa()
    {
        var folder = Directory.CreateTempSubdirectory("omadm-cert-").FullName;
        try
        {
            var cert = Path.Combine(folder, "c.pem");
            var key = Path.Combine(folder, "k.pem");
            File.WriteAllText(cert, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
            File.WriteAllText(key, "-----BEGIN PRIVATE KEY-----\nBBBB\n-----END PRIVATE KEY-----\n");
            var json = "{\"ClientCertificateFile\":" + JsonString(cert) + ",\"ClientKeyFile\":" + JsonString(key) + "}";
            Assert.AreEqual(BoardSettingsResult.Loaded, Parse(json, out var s));

            var pair = s.ReadClientCertificate();
            Assert.IsNotNull(pair);
            CollectionAssert.AreEqual(File.ReadAllBytes(cert), pair[0]);
            CollectionAssert.AreEqual(File.ReadAllBytes(key), pair[1]);

            File.WriteAllBytes(key, new byte[BoardSettings.MaxCertificateBytes + 1]);
            Assert.IsNull(s.ReadClientCertificate(), "an oversize key file is refused, not truncated");
            File.Delete(key);
            Assert.IsNull(s.ReadClientCertificate(), "a certificate without its key is no client certificate");
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static string JsonString(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    [TestMethod]
    public void TryParse_TooShortInterval_IsRaisedToTheMinimum()
    {
        Assert.AreEqual(BoardSettingsResult.Loaded, Parse("""{"SessionIntervalSeconds":1}""", out var s));
        Assert.AreEqual(BoardSettings.MinSessionIntervalSeconds, s.SessionIntervalSeconds);
    }

    [TestMethod]
    public void TryParse_UnknownMembersAndNestedValues_AreSkipped()
    {
        Assert.AreEqual(BoardSettingsResult.Loaded, Parse("""{"Future":{"a":[1,2,{"b":null}]},"LedPin":3,"Other":"x"}""", out var s));
        Assert.AreEqual(3, s.LedPin, "the member after a skipped object is still read");
    }

    [TestMethod]
    public void TryParse_DmMembersInvalid_LoadsBoardPartWithoutBootstrap()
    {
        Assert.AreEqual(BoardSettingsResult.Loaded, Parse("""{"ServerId":"s","ServerUri":"ftp://h","LedPin":2}""", out var s));
        Assert.IsNull(s.Bootstrap, "the core refuses a non-http(s) ServerUri");
        Assert.AreEqual(2, s.LedPin);
    }

    [TestMethod]
    [DataRow("""{"LedPin":"2"}""", DisplayName = "string where a number belongs")]
    [DataRow("""{"LedPin":64}""", DisplayName = "no such GPIO")]
    [DataRow("""{"LedPin":-2}""", DisplayName = "below -1")]
    [DataRow("""{"NotificationPort":70000}""", DisplayName = "port out of range")]
    [DataRow("""{"SlotCapacityBytes":0}""", DisplayName = "empty slot")]
    [DataRow("""{"FirmwareImage":"Bootloader"}""", DisplayName = "unknown image")]
    [DataRow("""{"WifiSsid":5}""", DisplayName = "number where a string belongs")]
    [DataRow("""{"UseDeviceCertificate":"yes"}""", DisplayName = "string where a boolean belongs")]
    [DataRow("""{"ClientKeyFile":true}""", DisplayName = "boolean where a path belongs")]
    [DataRow("""{"LedPin":1.5}""", DisplayName = "not an integer")]
    [DataRow("""[1,2]""", DisplayName = "not an object")]
    [DataRow("""{"LedPin":2""", DisplayName = "truncated")]
    [DataRow("""{"LedPin":2}}""", DisplayName = "trailing data")]
    public void TryParse_BadInput_IsInvalid(string json)
    {
        Assert.AreEqual(BoardSettingsResult.Invalid, Parse(json, out var s));
        Assert.IsNull(s);
    }

    [TestMethod]
    public void TryParse_LargerThanTheCoreAllows_IsTooLarge()
    {
        var big = "{\"Pad\":\"" + new string('x', BootstrapSettings.MaxFileBytes) + "\"}";
        Assert.AreEqual(BoardSettingsResult.TooLarge, Parse(big, out _));
    }

    [TestMethod]
    public void TryParse_CountShorterThanBuffer_ParsesOnlyCount()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"LedPin":7}GARBAGE""");
        Assert.AreEqual(BoardSettingsResult.Loaded, BoardSettings.TryParse(bytes, 12, out var s));
        Assert.AreEqual(7, s.LedPin);
    }

    [TestMethod]
    public void TryLoad_MissingFile_IsMissing()
    {
        var path = Path.Combine(Path.GetTempPath(), "omadm-no-such-" + Guid.NewGuid().ToString("N") + ".json");
        Assert.AreEqual(BoardSettingsResult.Missing, BoardSettings.TryLoad(path, out var s));
        Assert.IsNull(s);
    }

    [TestMethod]
    public void TryLoad_FileOnDisk_IsReadWithItsBootstrapPart()
    {
        var path = Path.Combine(Path.GetTempPath(), "omadm-settings-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """{"ServerId":"s","ServerUri":"https://h/dm","LedPin":4,"DevId":"MAC:0a0b0c0d0e0f"}""");
        try
        {
            Assert.AreEqual(BoardSettingsResult.Loaded, BoardSettings.TryLoad(path, out var s));
            Assert.AreEqual(4, s.LedPin);
            Assert.AreEqual("MAC:0a0b0c0d0e0f", s.Bootstrap.DevId, "the DevID override reaches the core");
            Assert.AreEqual("https://h/dm", s.Bootstrap.ServerUri);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void ReadCaCertificate_GivesTheFileBytesExactly()
    {
        var dir = Path.Combine(Path.GetTempPath(), "omadm-ca-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var ca = Path.Combine(dir, "ca.pem");
            File.WriteAllText(ca, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
            var json = "{\"CaCertificateFile\":" + JsonSerializer.Serialize(ca) + "}";
            Assert.AreEqual(BoardSettingsResult.Loaded, Parse(json, out var s));

            CollectionAssert.AreEqual(File.ReadAllBytes(ca), s.ReadCaCertificate());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public void ReadCaCertificate_MissingOrOversize_IsNull()
    {
        Assert.AreEqual(BoardSettingsResult.Loaded, Parse("""{"CaCertificateFile":"/no/such/ca.pem"}""", out var missing));
        Assert.IsNull(missing.ReadCaCertificate());

        var big = Path.Combine(Path.GetTempPath(), "omadm-bigca-" + Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllBytes(big, new byte[BoardSettings.MaxCertificateBytes + 1]);
        try
        {
            Assert.AreEqual(BoardSettingsResult.Loaded, Parse("{\"CaCertificateFile\":" + JsonSerializer.Serialize(big) + "}", out var s));
            Assert.IsNull(s.ReadCaCertificate(), "bounded: a huge file is not read into RAM");
        }
        finally
        {
            File.Delete(big);
        }
    }

    private static BoardSettingsResult Parse(string json, out BoardSettings settings)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return BoardSettings.TryParse(bytes, bytes.Length, out settings);
    }

    private sealed class DeployConfig
    {
        public string? SerialPort { get; set; }
        public List<DeployFile>? Files { get; set; }
    }

    private sealed class DeployFile
    {
        public string? DestinationFilePath { get; set; }
        public string? SourceFilePath { get; set; }
    }
}
