namespace OmaDm.Nano.Tests.Json
{
    /// <summary>The protocol example's packages (shared/seeds/000_117f8e96fd5bed2a.txt), rewritten as JSON by hand.</summary>
    public static class JsonSamples
    {
        /// <summary>Package#1 of the example, compact: MOS with DevInfo, FUMO and DM Account.</summary>
        public const string Package1 =
            "{\"MOS\":[" +
            "{\"DDF\":\"http://www.vendor.com/DDF/devinfo1.0.ddf\",\"MOID\":\"urn:oma:mo:oma-dm-devinfo:1.0\",\"MIID\":[\"miid1\"]}," +
            "{\"DDF\":\"http://www.vendor.com/DDF/oma-fumo1.0.ddf\",\"MOID\":\"urn:oma:mo:oma-fumo:1.0\",\"MIID\":[\"miid1\"]}," +
            "{\"DDF\":\"http://www.vendor.com/DDF/oma-dm-dmacc2.0.ddf\",\"MOID\":\"urn:oma:mo:oma-dm-dmacc:2.0\",\"MIID\":[\"miid1\"]}" +
            "]}";

        /// <summary>Package#1 as laid out in the example (tabs, blank lines, spaces after colons).</summary>
        public const string Package1Pretty =
            "{\n\n\n\"MOS\": [\n\n\n\n{\n\n\n\n\n\"DDF\": \"http://www.vendor.com/DDF/devinfo1.0.ddf\",\n\n\n\n\n" +
            "\"MOID\": \"urn:oma:mo:oma-dm-devinfo:1.0\",\n\n\n\n\n\"MIID\": [\"miid1\"]\n\n\n\n},\n\n\n{\n\n\n\n\n" +
            "\"DDF\": \"http://www.vendor.com/DDF/oma-fumo1.0.ddf\",\n\n\n\n\n\"MOID\": \"urn:oma:mo:oma-fumo:1.0\",\n\n\n\n\n" +
            "\"MIID\": [\"miid1\"]\n\n\n\n},\n\n\n{\n\n\n\n\n\"DDF\": \"http://www.vendor.com/DDF/oma-dm-dmacc2.0.ddf\",\n\n\n\n\n" +
            "\"MOID\": \"urn:oma:mo:oma-dm-dmacc:2.0\",\n\n\n\n\n\"MIID\": [\"miid1\"]\n\n\n\n}\n\n]\n}\n";

        /// <summary>Tokens of Package#1, written by hand.</summary>
        public static readonly string[] Package1Tokens = new string[]
        {
            "{", "P:MOS", "[",
            "{", "P:DDF", "S:http://www.vendor.com/DDF/devinfo1.0.ddf", "P:MOID", "S:urn:oma:mo:oma-dm-devinfo:1.0", "P:MIID", "[", "S:miid1", "]", "}",
            "{", "P:DDF", "S:http://www.vendor.com/DDF/oma-fumo1.0.ddf", "P:MOID", "S:urn:oma:mo:oma-fumo:1.0", "P:MIID", "[", "S:miid1", "]", "}",
            "{", "P:DDF", "S:http://www.vendor.com/DDF/oma-dm-dmacc2.0.ddf", "P:MOID", "S:urn:oma:mo:oma-dm-dmacc:2.0", "P:MIID", "[", "S:miid1", "]", "}",
            "]", "}"
        };

        /// <summary>Package#2 of the example.</summary>
        public const string Package2 = "{\"CMD\":[[\"EXEC\",\"oma:mo:oma-fumo:1.0//Update\"]]}";

        /// <summary>Tokens of Package#2, written by hand.</summary>
        public static readonly string[] Package2Tokens = new string[] { "{", "P:CMD", "[", "[", "S:EXEC", "S:oma:mo:oma-fumo:1.0//Update", "]", "]", "}" };

        /// <summary>Package#3 of the example.</summary>
        public const string Package3 = "{\"Status\":[{\"sc\":200}]}";

        /// <summary>Tokens of Package#3, written by hand.</summary>
        public static readonly string[] Package3Tokens = new string[] { "{", "P:Status", "[", "{", "P:sc", "N:200", "}", "]", "}" };

        /// <summary>The closing Package#2 of the example.</summary>
        public const string Package2End = "{\"CMD\":[[\"END\"]]}";
    }
}
