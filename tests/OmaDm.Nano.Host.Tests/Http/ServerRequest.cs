namespace OmaDm.Nano.Host.Tests.Http;

/// <summary>One parsed request.</summary>
public sealed record ServerRequest(string Method, string Target, Dictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
