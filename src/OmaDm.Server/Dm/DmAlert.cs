using System.Text.Json;

namespace OmaDm.Server.Dm;

/// <summary>A Generic Alert (or session-start alert) as received in a package (docs/PROTOCOL.md §6).</summary>
/// <param name="AlertType">Alert type URN, e.g. <c>org.openmobilealliance.dm.firmwareupdate.downloadandupdate</c>.</param>
/// <param name="SourceUri">ClientURI the alert is about, or null.</param>
/// <param name="TargetUri">Target (e.g. the EXEC ServerURI), or null.</param>
/// <param name="Mark">critical|major|minor|warning|informational, or null.</param>
/// <param name="DataType">Format of <paramref name="Data"/> (int, chr, ...), or null.</param>
/// <param name="Data">Payload as text (FUMO: the result code), or null.</param>
/// <param name="Correlator">Correlator of the EXEC that caused it, or null.</param>
public sealed record DmAlert(string AlertType, string? SourceUri, string? TargetUri, string? Mark, string? DataType, string? Data, string? Correlator)
{
    /// <summary>Longest text field accepted in an alert (characters).</summary>
    public const int MaxFieldChars = 2048;

    /// <summary>The FUMO result code carried in <see cref="Data"/>, when it is an integer.</summary>
    public int? ResultCode => int.TryParse(Data, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>Reads an alert object; false when it is not an object, lacks AlertType or has a non-string or over-long field.</summary>
    public static bool TryParse(JsonElement element, out DmAlert alert)
    {
        alert = null!;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        string? type = null, source = null, target = null, mark = null, dataType = null, data = null, correlator = null;
        foreach (var p in element.EnumerateObject())
        {
            string? value;
            if (p.Value.ValueKind == JsonValueKind.String)
            {
                value = p.Value.GetString();
            }
            else if (p.Value.ValueKind == JsonValueKind.Number && p.Name == "Data")
            {
                value = p.Value.GetRawText();
            }
            else
            {
                return false;
            }
            if (value is null || value.Length > MaxFieldChars)
            {
                return false;
            }
            switch (p.Name)
            {
                case "AlertType": type = value; break;
                case "SourceURI": source = value; break;
                case "TargetURI": target = value; break;
                case "Mark": mark = value; break;
                case "DataType": dataType = value; break;
                case "Data": data = value; break;
                case "Correlator": correlator = value; break;
                default: break; // unknown members are ignored (forward compatibility)
            }
        }
        if (string.IsNullOrEmpty(type))
        {
            return false;
        }
        alert = new DmAlert(type, source, target, mark, dataType, data, correlator);
        return true;
    }
}
