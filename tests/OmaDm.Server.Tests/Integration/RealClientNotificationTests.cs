using System.Net;
using System.Net.Sockets;
using OmaDm.Nano.Session;
using OmaDm.Server.Commands;
using OmaDm.Server.Devices;
using OmaDm.Server.Dm;
using OmaDm.Server.Notifications;
using OmaDm.Server.Tests.Infrastructure;

namespace OmaDm.Server.Tests.Integration;

/// <summary>The server's Package#0 over real UDP, checked and acted on by the real client's notification guard.</summary>
[TestClass]
public sealed class RealClientNotificationTests
{
    [TestMethod]
    public async Task Notification_FromServer_StartsServerInitiatedSessionThatRunsTheQueue()
    {
        await using var server = await TestServer.StartAsync();
        server.Enrol("virt-1", "virt-password", notificationSecret: "noti-secret").Dispose();
        using var device = new RealClient(server.BaseUrl, "virt-1", "virt-password", Path.Combine(server.Folder, "device"), "noti-secret");
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        server.Service<DeviceRegistry>().SetNotificationAddress("virt-1", "127.0.0.1", ((IPEndPoint)udp.Client.LocalEndPoint!).Port);
        var id = server.Service<CommandQueue>().Enqueue("virt-1", ["GET", RealClient.AppMoid + "//Temp"])!.Value;

        var datagram = (await udp.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(10))).Buffer; // queueing woke the device
        var result = await Task.Run(() => device.Client.HandleNotification(datagram, 0, datagram.Length, out var outcome) is var r
            ? (r, outcome) : default);

        Assert.AreEqual(NotificationResult.Accepted, result.r);
        Assert.AreEqual(SessionResult.Completed, result.outcome!.Result);
        Assert.AreEqual(200, server.Service<CommandQueue>().Get(id)!.StatusCode);
        var session = server.Service<SessionHistory>().Sessions("virt-1").Single();
        Assert.AreEqual(DmMediaTypes.ServerInitiated, session.TriggerAlert);
        Assert.AreEqual("1", session.Note, "the NOTIFICATION-ID the server sent");
    }

    [TestMethod]
    public async Task Notification_SignedWithAnotherSecret_IsRejectedByTheClient()
    {
        await using var server = await TestServer.StartAsync();
        server.Enrol("virt-1", "virt-password", notificationSecret: "server-side-secret").Dispose();
        using var device = new RealClient(server.BaseUrl, "virt-1", "virt-password", Path.Combine(server.Folder, "device"), "device-side-secret");
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        server.Service<DeviceRegistry>().SetNotificationAddress("virt-1", "127.0.0.1", ((IPEndPoint)udp.Client.LocalEndPoint!).Port);

        Assert.AreEqual(NotifyResult.Sent, await server.Service<NotificationSender>().NotifyAsync("virt-1"));
        var datagram = (await udp.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(10))).Buffer;
        var result = device.Client.HandleNotification(datagram, 0, datagram.Length, out var outcome);

        Assert.AreEqual(NotificationResult.BadDigest, result);
        Assert.IsNull(outcome);
        Assert.IsEmpty(server.Service<SessionHistory>().Sessions("virt-1"));
    }
}
