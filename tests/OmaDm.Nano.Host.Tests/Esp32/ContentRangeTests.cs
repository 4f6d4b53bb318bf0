using OmaDm.Nano.Esp32.Http;

namespace OmaDm.Nano.Host.Tests.Esp32;

/// <summary>Content-Range of a 206 response, as the ESP32 transport parses it (RFC 9110 §14.4; cases written by hand).</summary>
[TestClass]
public sealed class ContentRangeTests
{
    [TestMethod]
    [DataRow("bytes 0-99/1000", 0L, 1000L)]
    [DataRow("bytes 100-199/*", 100L, -1L)]
    [DataRow("  bytes 4096-8191/8192  ", 4096L, 8192L)]
    [DataRow("bytes 5-5/6", 5L, 6L)]
    public void TryParse_ValidRange_GivesFirstAndTotal(string header, long first, long total)
    {
        Assert.IsTrue(ContentRange.TryParse(header, out var f, out var t));
        Assert.AreEqual(first, f);
        Assert.AreEqual(total, t);
    }

    [TestMethod]
    [DataRow(null, DisplayName = "absent")]
    [DataRow("", DisplayName = "empty")]
    [DataRow("bytes */1000", DisplayName = "unsatisfied-range form carries no first byte")]
    [DataRow("items 0-9/10", DisplayName = "other unit")]
    [DataRow("bytes 10-9/100", DisplayName = "last before first")]
    [DataRow("bytes 0-99/99", DisplayName = "total not beyond last")]
    [DataRow("bytes 0-99/", DisplayName = "no total")]
    [DataRow("bytes 0-99/10x", DisplayName = "junk after total")]
    [DataRow("bytes -1-99/100", DisplayName = "negative first")]
    [DataRow("bytes 0-1234567890123456789/99999999999999999999", DisplayName = "numbers longer than a long")]
    [DataRow("bytes 0-99/100*", DisplayName = "junk after star form")]
    public void TryParse_Malformed_IsFalse(string? header)
    {
        Assert.IsFalse(ContentRange.TryParse(header!, out var first, out var total));
        Assert.AreEqual(-1L, first);
        Assert.AreEqual(-1L, total);
    }

    [TestMethod]
    public void TryParse_OverlongHeader_IsRefusedWithoutScanning()
    {
        var header = "bytes 0-1/" + new string('9', 200);
        Assert.IsFalse(ContentRange.TryParse(header, out _, out _));
    }
}
