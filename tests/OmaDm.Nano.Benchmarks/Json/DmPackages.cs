using System.Text;

namespace OmaDm.Nano.Benchmarks.Json;

/// <summary>DM packages to tokenize: the protocol example's three, and realistic 64 KiB ones.</summary>
public static class DmPackages
{
    /// <summary>Package#1 of the protocol example (MOS for DevInfo, FUMO, DM Account) plus the session alert.</summary>
    public static readonly byte[] Package1 = Encoding.UTF8.GetBytes(
        "{\"MOS\":[" +
        "{\"DDF\":\"http://www.vendor.com/DDF/devinfo1.0.ddf\",\"MOID\":\"urn:oma:mo:oma-dm-devinfo:1.0\",\"MIID\":[\"miid1\"]}," +
        "{\"DDF\":\"http://www.vendor.com/DDF/oma-fumo1.0.ddf\",\"MOID\":\"urn:oma:mo:oma-fumo:1.0\",\"MIID\":[\"miid1\"]}," +
        "{\"DDF\":\"http://www.vendor.com/DDF/oma-dm-dmacc2.0.ddf\",\"MOID\":\"urn:oma:mo:oma-dm-dmacc:2.0\",\"MIID\":[\"miid1\"]}" +
        "],\"Alert\":[{\"AlertType\":\"urn:oma:at:dm:2.0:ClientInitiatedMgmt\"}]}");

    /// <summary>Package#2 of the example.</summary>
    public static readonly byte[] Package2 = Encoding.UTF8.GetBytes("{\"CMD\":[[\"EXEC\",\"oma:mo:oma-fumo:1.0//Update\"]]}");

    /// <summary>Package#3 of the example.</summary>
    public static readonly byte[] Package3 = Encoding.UTF8.GetBytes("{\"Status\":[{\"sc\":200}]}");

    /// <summary>A Package#2 of at least 64 KiB: GET, HGET, HPUT, EXEC with correlators, DELETE, DEFAULT.</summary>
    public static readonly byte[] Package2Large = BuildCommands(64 * 1024);

    /// <summary>A Package#3 of at least 64 KiB: plain statuses, GET results with URI/Data arrays, an alert.</summary>
    public static readonly byte[] Package3Large = BuildStatuses(64 * 1024);

    /// <summary>The package named <paramref name="name"/> (benchmark parameter values).</summary>
    public static byte[] ByName(string name) => name switch
    {
        "P1" => Package1,
        "P2" => Package2,
        "P3" => Package3,
        "P2-64K" => Package2Large,
        "P3-64K" => Package3Large,
        _ => throw new ArgumentException("unknown package " + name),
    };

    private static byte[] BuildCommands(int minimumBytes)
    {
        var json = new StringBuilder("{\"CMD\":[");
        for (int i = 0; json.Length < minimumBytes; i++)
        {
            if (i > 0) { json.Append(','); }
            switch (i % 6)
            {
                case 0: json.Append("[\"GET\",\"urn:oma:mo:oma-dm-devinfo:1.0//FwV\"]"); break;
                case 1: json.Append("[\"HGET\",\"https://repo.example.com/fw/").Append(i).Append("/image.bin\",\"urn:oma:mo:oma-fumo:1.0/fumo1/Update/PkgData\"]"); break;
                case 2: json.Append("[\"HPUT\",\"https://repo.example.com/devices/IMEI%3A493005100592800/devinfo\",\"urn:oma:mo:oma-dm-devinfo:1.0//\"]"); break;
                case 3: json.Append("[\"EXEC\",\"urn:oma:mo:oma-fumo:1.0/fumo1/DownloadAndUpdate\",\"https://dm.example.com/alerts\",\"corr-").Append(i).Append("\"]"); break;
                case 4: json.Append("[\"DELETE\",\"urn:oma:mo:oma-dm-dmacc:1.2/acc").Append(i % 7).Append("/AppAuth\"]"); break;
                default: json.Append("[\"DEFAULT\",\"urn:oma:mo:oma-fumo:1.0\",\"https://repo.example.com/mo/fumo-default.json\"]"); break;
            }
        }
        json.Append("]}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static byte[] BuildStatuses(int minimumBytes)
    {
        var json = new StringBuilder("{\"Status\":[");
        for (int i = 0; json.Length < minimumBytes; i++)
        {
            if (i > 0) { json.Append(','); }
            switch (i % 4)
            {
                case 0: json.Append("{\"sc\":200}"); break;
                case 1: json.Append("{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-dm-devinfo:1.0//FwV\"],\"Data\":[\"1.0.").Append(i).Append("\"]}"); break;
                case 2: json.Append("{\"sc\":200,\"URI\":[\"urn:oma:mo:oma-fumo:1.0/fumo1\"],\"Data\":[{\"PkgName\":\"fw-2.1\",\"PkgVersion\":\"2.1.0\",\"State\":100,\"Ext\":{\"Bytes\":1048576,\"Verified\":true}}]}"); break;
                default: json.Append("{\"sc\":404}"); break;
            }
        }
        json.Append("],\"Alert\":[{\"AlertType\":\"org.openmobilealliance.dm.firmwareupdate.downloadandupdate\",\"SourceURI\":\"urn:oma:mo:oma-fumo:1.0/fumo1/DownloadAndUpdate\",\"DataType\":\"int\",\"Data\":\"200\",\"Correlator\":\"corr-3\"}]}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }
}
