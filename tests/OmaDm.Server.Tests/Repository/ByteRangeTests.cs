using OmaDm.Server.Repository;

namespace OmaDm.Server.Tests.Repository;

[TestClass]
public sealed class ByteRangeTests
{
    [TestMethod]
    [DataRow("bytes=0-9", 100L, 0L, 9L)]
    [DataRow("bytes=10-", 100L, 10L, 99L)]
    [DataRow("bytes=90-200", 100L, 90L, 99L)]
    [DataRow("bytes=-10", 100L, 90L, 99L)]
    [DataRow("bytes=-500", 100L, 0L, 99L)]
    [DataRow("BYTES=5-5", 100L, 5L, 5L)]
    public void TryParse_SatisfiableForms_ClampToLength(string header, long length, long start, long end)
    {
        Assert.AreEqual(RangeParse.Satisfiable, ByteRange.TryParse(header, length, out var range));
        Assert.AreEqual(new ByteRange(start, end), range);
    }

    [TestMethod]
    [DataRow("bytes=100-")]
    [DataRow("bytes=100-200")]
    [DataRow("bytes=-0")]
    public void TryParse_PastTheEnd_IsUnsatisfiable(string header) =>
        Assert.AreEqual(RangeParse.Unsatisfiable, ByteRange.TryParse(header, 100, out _));

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("items=0-5")]
    [DataRow("bytes=0-5,10-20")]
    [DataRow("bytes=5-1")]
    [DataRow("bytes=abc-")]
    [DataRow("bytes=-")]
    [DataRow("bytes=1")]
    [DataRow("bytes=99999999999999999999-")]
    public void TryParse_InvalidOrMultiRange_IsIgnored(string? header) =>
        Assert.AreEqual(RangeParse.None, ByteRange.TryParse(header, 100, out _), "RFC 9110: a server may ignore such a Range and send 200");
}
