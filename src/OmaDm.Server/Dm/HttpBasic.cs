using System.Net.Http.Headers;
using System.Text;

namespace OmaDm.Server.Dm;

/// <summary>Parses <c>Authorization: Basic</c> headers.</summary>
public static class HttpBasic
{
    /// <summary>Longest Authorization header value accepted (characters).</summary>
    public const int MaxHeaderChars = 1024;

    /// <summary>Reads user and password; false when absent or malformed.</summary>
    public static bool TryParse(string? header, out string user, out string password) => TryParse(header, null, out user, out password);

    /// <summary>
    /// Reads user and password. RFC 7617 splits <c>user:password</c> at the first ':', which breaks
    /// DevIDs such as <c>MAC:a1b2c3d4e5f6</c> used as user names (boards do that by default): when
    /// the decoded credentials start with <paramref name="expectedUser"/> followed by ':', that
    /// whole prefix is the user. The DevID comes from the OMADM-DevID header, so this is unambiguous.
    /// </summary>
    public static bool TryParse(string? header, string? expectedUser, out string user, out string password)
    {
        user = password = "";
        if (string.IsNullOrEmpty(header) || header.Length > MaxHeaderChars || !AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
        if (!string.IsNullOrEmpty(expectedUser) && decoded.Length > expectedUser.Length
            && decoded.StartsWith(expectedUser, StringComparison.Ordinal) && decoded[expectedUser.Length] == ':')
        {
            user = expectedUser;
            password = decoded[(expectedUser.Length + 1)..];
            return true;
        }
        var colon = decoded.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }
        user = decoded[..colon];
        password = decoded[(colon + 1)..];
        return true;
    }

    /// <summary>Builds a header value (tests and tools).</summary>
    public static string Format(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
}
