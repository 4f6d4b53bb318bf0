using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using OmaDm.Server.Devices;
using OmaDm.Server.Notifications;
using OmaDm.Server.Tests.Infrastructure;

namespace OmaDm.Server.Tests.Notifications;

[TestClass]
public sealed class NotificationPackageTests
{
    // PROTOCOL.md §7 golden example: secret "noti-secret", SERVER-ID "srv", id 7, timestamp 1700000000.
    // Bytes written by hand; only the digest comes from .NET's HMACSHA256 (an independent implementation).
    private static readonly byte[] GoldenWithoutDigest =
    [
        0x22, 0x00,                   // VER 2 (0010), OC 4 (00100), reserved 0000000
        0x13, 0x73, 0x72, 0x76,       // option 1 SERVER-ID: delta 1, length 3, "srv"
        0x21, 0x07,                   // option 3 NOTIFICATION-ID: delta 2, length 1, 7
        0x1D, 0x13,                   // option 4 SHA256-DIGEST: delta 1, length 13+19=32
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0x14, 0x65, 0x53, 0xF1, 0x00, // option 5 TIMESTAMP: delta 1, length 4, 1700000000
    ];

    [TestMethod]
    public void Build_GoldenExample_MatchesHandWrittenBytes()
    {
        var expected = (byte[])GoldenWithoutDigest.Clone();
        HMACSHA256.HashData(Encoding.UTF8.GetBytes("noti-secret"), GoldenWithoutDigest).CopyTo(expected, 10);

        var actual = NotificationPackage.Build("srv", 7, 1700000000, "noti-secret");

        CollectionAssert.AreEqual(expected, actual);
    }

    [TestMethod]
    public void Build_WithConTypeReqMosAndBigId_EncodesEachOption()
    {
        var actual = NotificationPackage.Build("srv", 0x010203, 1700000000, "k", preferredConType: 1, reqMos: ["urn:oma:mo:oma-fumo:1.0"]);

        Assert.AreEqual(0x23, actual[0], "VER 2, OC 6 -> 0010 0011 0000 0000");
        Assert.AreEqual(0x00, actual[1]);
        Assert.AreEqual(0x13, actual[2]);
        Assert.AreEqual(0x11, actual[6], "option 2: delta 1, length 1");
        Assert.AreEqual(0x01, actual[7]);
        CollectionAssert.AreEqual(new byte[] { 0x13, 0x01, 0x02, 0x03 }, actual[8..12], "option 3: delta 1, length 3, big-endian id");
        var mo = Encoding.UTF8.GetBytes("urn:oma:mo:oma-fumo:1.0");
        Assert.AreEqual(0x1D, actual[^(mo.Length + 2)], "option 6: delta 1, length 13+ext");
        Assert.AreEqual(mo.Length - 13, actual[^(mo.Length + 1)]);
        CollectionAssert.AreEqual(mo, actual[^mo.Length..]);
    }

    [TestMethod]
    public void Build_OutOfRangeValues_Throw()
    {
        Assert.ThrowsExactly<ArgumentException>(() => NotificationPackage.Build("", 1, 0, "k"));
        Assert.ThrowsExactly<ArgumentException>(() => NotificationPackage.Build(new string('s', 65), 1, 0, "k"));
        Assert.ThrowsExactly<ArgumentException>(() => NotificationPackage.Build("srv", 0, 0, "k"));
    }

    [TestMethod]
    public async Task NotifyAsync_DeviceWithAddressAndSecret_ReceivesVerifiableDatagram()
    {
        await using var server = await TestServer.StartAsync(o => o.ServerId = "omadm-test");
        using var listener = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)listener.Client.LocalEndPoint!).Port;
        server.Enrol("dev-1", notificationSecret: "s3cret").Dispose();
        server.Service<DeviceRegistry>().SetNotificationAddress("dev-1", "127.0.0.1", port);

        var result = await server.Service<NotificationSender>().NotifyAsync("dev-1");
        var datagram = (await listener.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(10))).Buffer;

        Assert.AreEqual(NotifyResult.Sent, result);
        int digestAt = 2 + 1 + "omadm-test".Length + 2 + 2; // header, SERVER-ID option, NOTIFICATION-ID (1 byte), digest option header
        var zeroed = (byte[])datagram.Clone();
        Array.Clear(zeroed, digestAt, 32);
        CollectionAssert.AreEqual(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), zeroed), datagram[digestAt..(digestAt + 32)]);
        Assert.AreEqual(1, datagram[2 + 1 + "omadm-test".Length + 1], "first notification id is 1");
    }

    [TestMethod]
    public async Task NotifyAsync_MissingAddressOrSecret_SaysWhy()
    {
        await using var server = await TestServer.StartAsync();
        server.Enrol("no-addr", notificationSecret: "s").Dispose();
        server.Enrol("no-secret").Dispose();
        server.Service<DeviceRegistry>().SetNotificationAddress("no-secret", "127.0.0.1", 9);
        var sender = server.Service<NotificationSender>();

        Assert.AreEqual(NotifyResult.NoAddress, await sender.NotifyAsync("no-addr"));
        Assert.AreEqual(NotifyResult.NoSecret, await sender.NotifyAsync("no-secret"));
        Assert.AreEqual(NotifyResult.UnknownDevice, await sender.NotifyAsync("ghost"));
    }
}
