using System;
using System.IO;
using OmaDm.Nano.Json;
using OmaDm.Nano.Session;

namespace OmaDm.Nano.Esp32.Settings
{
    /// <summary>
    /// The board's settings file on <c>I:\</c> (deployed with <c>nanoff --filedeployment</c>): the
    /// DM bootstrap members the core reads (<see cref="BootstrapSettings"/>: ServerId, ServerUri,
    /// UserName, Password, NotificationSecret, DevId, AllowInsecure) plus what only a board needs.
    /// </summary>
    /// <remarks>
    /// Board members: <c>WifiSsid</c>, <c>WifiPassword</c>, <c>CaCertificateFile</c> (PEM or DER file
    /// on <c>I:\</c>; kept out of this file so the file stays under
    /// <see cref="BootstrapSettings.MaxFileBytes"/>), for mutual TLS <c>ClientCertificateFile</c> +
    /// <c>ClientKeyFile</c> (+ <c>ClientKeyPassword</c>) or <c>UseDeviceCertificate</c> (the
    /// certificate deployed to the device's configuration block), <c>SessionIntervalSeconds</c>,
    /// <c>NotificationPort</c> (0 = no listener), <c>LedPin</c> (-1 = none),
    /// <c>FirmwareImage</c> ("Deployment" or "NanoClr") and <c>SlotCapacityBytes</c>.
    /// Parsed with the core's <see cref="JsonReader"/> (no reflection, no object graph): the
    /// file costs one byte array and the strings it holds. Unknown members are skipped.
    /// </remarks>
    public sealed class BoardSettings
    {
        /// <summary>Where the board apps look for the file.</summary>
        public const string DefaultPath = "I:\\omadm.json";

        /// <summary>Where the CA certificate is looked for when the file names none.</summary>
        public const string DefaultCaCertificatePath = "I:\\omadm-ca.pem";

        /// <summary>Largest certificate file read: a PEM chain of three certificates fits easily.</summary>
        public const int MaxCertificateBytes = 8192;

        /// <summary>Default time between client-initiated sessions: hourly keeps a board visible without wasting battery or server time.</summary>
        public const int DefaultSessionIntervalSeconds = 3600;

        /// <summary>Shortest interval accepted, so a typo cannot hammer the server.</summary>
        public const int MinSessionIntervalSeconds = 60;

        /// <summary>Secondary-slot size assumed when the file gives none: IFU still answers TooLarge for an image that does not fit.</summary>
        public const int DefaultSlotCapacityBytes = 0x180000;

        private BoardSettings()
        {
            CaCertificateFile = DefaultCaCertificatePath;
            SessionIntervalSeconds = DefaultSessionIntervalSeconds;
            LedPin = -1;
            FirmwareImage = "Deployment";
            SlotCapacityBytes = DefaultSlotCapacityBytes;
        }

        /// <summary>Wi-Fi network name, or null to use the credentials stored on the device.</summary>
        public string WifiSsid { get; private set; }

        /// <summary>Wi-Fi password.</summary>
        public string WifiPassword { get; private set; }

        /// <summary>Path of the root CA certificate file.</summary>
        public string CaCertificateFile { get; private set; }

        /// <summary>Path of the client certificate file (PEM or DER) for mutual TLS, or null.</summary>
        public string ClientCertificateFile { get; private set; }

        /// <summary>Path of the client certificate's private key file (PEM or DER), or null.</summary>
        public string ClientKeyFile { get; private set; }

        /// <summary>Password of an encrypted private key, or null.</summary>
        public string ClientKeyPassword { get; private set; }

        /// <summary>True to present the client certificate stored on the device (deployed with Device Explorer or nanoff).</summary>
        public bool UseDeviceCertificate { get; private set; }

        /// <summary>True when the server is to see a client certificate (from files or the device store).</summary>
        public bool WantsClientCertificate
        {
            get { return UseDeviceCertificate || ClientCertificateFile != null; }
        }

        /// <summary>Seconds between client-initiated sessions (at least <see cref="MinSessionIntervalSeconds"/>).</summary>
        public int SessionIntervalSeconds { get; private set; }

        /// <summary>UDP port for DM Notifications, 0 for none.</summary>
        public int NotificationPort { get; private set; }

        /// <summary>GPIO of the sample MO's LED, -1 for none.</summary>
        public int LedPin { get; private set; }

        /// <summary>"Deployment" (managed app) or "NanoClr" (firmware): which IFU image FUMO updates.</summary>
        public string FirmwareImage { get; private set; }

        /// <summary>Size of the secondary slot of <see cref="FirmwareImage"/> in bytes.</summary>
        public int SlotCapacityBytes { get; private set; }

        /// <summary>The DM part of the file, as the core parses it; null when ServerId/ServerUri are missing or invalid.</summary>
        public BootstrapSettings Bootstrap { get; private set; }

        /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
        public static BoardSettingsResult TryLoad(string path, out BoardSettings settings)
        {
            settings = null;
            byte[] data;
            int count;
            BoardSettingsResult read = ReadBounded(path, BootstrapSettings.MaxFileBytes, out data, out count);
            if (read != BoardSettingsResult.Loaded)
            {
                return read;
            }

            return TryParse(data, count, out settings);
        }

        /// <summary>Parses settings bytes (also what the host tests of the parser would call).</summary>
        public static BoardSettingsResult TryParse(byte[] data, int count, out BoardSettings settings)
        {
            settings = null;
            if (data == null || count <= 0 || count > data.Length)
            {
                return BoardSettingsResult.Invalid;
            }

            if (count > BootstrapSettings.MaxFileBytes)
            {
                return BoardSettingsResult.TooLarge;
            }

            BoardSettings result = new BoardSettings();
            try
            {
                // nanoFramework's MemoryStream has no (buffer, offset, count) constructor.
                JsonReader reader = new JsonReader(new MemoryStream(Exact(data, count)), new byte[count + JsonReader.MinWindowBytes], 4);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return BoardSettingsResult.Invalid;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (!result.ReadMember(reader))
                    {
                        return BoardSettingsResult.Invalid;
                    }
                }

                // One more Read: false at the end of the stream, JsonException on trailing data.
                if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                {
                    return BoardSettingsResult.Invalid;
                }
            }
            catch (JsonException)
            {
                return BoardSettingsResult.Invalid;
            }

            BootstrapSettings bootstrap;
            result.Bootstrap = BootstrapSettings.TryParse(data, count, out bootstrap) ? bootstrap : null;
            settings = result;
            return BoardSettingsResult.Loaded;
        }

        /// <summary>Reads the CA certificate file; null when absent or larger than <see cref="MaxCertificateBytes"/>.</summary>
        public byte[] ReadCaCertificate()
        {
            byte[] data;
            int count;
            if (ReadBounded(CaCertificateFile, MaxCertificateBytes, out data, out count) != BoardSettingsResult.Loaded)
            {
                return null;
            }

            return Exact(data, count);
        }

        /// <summary>
        /// Reads the client certificate and its key: { certificate, key }, or null when either file
        /// is not named, absent or larger than <see cref="MaxCertificateBytes"/> (a half pair is no
        /// credential).
        /// </summary>
        public byte[][] ReadClientCertificate()
        {
            if (ClientCertificateFile == null || ClientKeyFile == null)
            {
                return null;
            }

            byte[] certificate;
            byte[] key;
            int certificateCount;
            int keyCount;
            if (ReadBounded(ClientCertificateFile, MaxCertificateBytes, out certificate, out certificateCount) != BoardSettingsResult.Loaded
                || ReadBounded(ClientKeyFile, MaxCertificateBytes, out key, out keyCount) != BoardSettingsResult.Loaded)
            {
                return null;
            }

            return new byte[][] { Exact(certificate, certificateCount), Exact(key, keyCount) };
        }

        private static byte[] Exact(byte[] data, int count)
        {
            if (count == data.Length)
            {
                return data;
            }

            byte[] exact = new byte[count];
            Array.Copy(data, 0, exact, 0, count);
            return exact;
        }

        private bool ReadMember(JsonReader reader)
        {
            if (reader.ValueEquals("WifiSsid")) { return ReadString(reader, 0); }
            if (reader.ValueEquals("WifiPassword")) { return ReadString(reader, 1); }
            if (reader.ValueEquals("CaCertificateFile")) { return ReadString(reader, 2); }
            if (reader.ValueEquals("FirmwareImage")) { return ReadString(reader, 3); }
            if (reader.ValueEquals("ClientCertificateFile")) { return ReadString(reader, 4); }
            if (reader.ValueEquals("ClientKeyFile")) { return ReadString(reader, 5); }
            if (reader.ValueEquals("ClientKeyPassword")) { return ReadString(reader, 6); }
            if (reader.ValueEquals("UseDeviceCertificate")) { return ReadUseDeviceCertificate(reader); }
            if (reader.ValueEquals("SessionIntervalSeconds")) { return ReadInt(reader, 0); }
            if (reader.ValueEquals("NotificationPort")) { return ReadInt(reader, 1); }
            if (reader.ValueEquals("LedPin")) { return ReadInt(reader, 2); }
            if (reader.ValueEquals("SlotCapacityBytes")) { return ReadInt(reader, 3); }

            // The DM members are the core's; anything else is ignored.
            reader.Read();
            reader.Skip();
            return true;
        }

        private bool ReadString(JsonReader reader, int which)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                return true;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            string value = reader.GetString();
            switch (which)
            {
                case 0: WifiSsid = value.Length == 0 ? null : value; break;
                case 1: WifiPassword = value; break;
                case 2: CaCertificateFile = value; break;
                case 4: ClientCertificateFile = value.Length == 0 ? null : value; break;
                case 5: ClientKeyFile = value.Length == 0 ? null : value; break;
                case 6: ClientKeyPassword = value; break;
                default:
                    if (value != "Deployment" && value != "NanoClr")
                    {
                        return false;
                    }

                    FirmwareImage = value;
                    break;
            }

            return true;
        }

        private bool ReadUseDeviceCertificate(JsonReader reader)
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.True && reader.TokenType != JsonTokenType.False)
            {
                return false;
            }

            UseDeviceCertificate = reader.TokenType == JsonTokenType.True;
            return true;
        }

        private bool ReadInt(JsonReader reader, int which)
        {
            reader.Read();
            int value;
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out value))
            {
                return false;
            }

            switch (which)
            {
                case 0:
                    SessionIntervalSeconds = value < MinSessionIntervalSeconds ? MinSessionIntervalSeconds : value;
                    return true;
                case 1:
                    NotificationPort = value;
                    return value >= 0 && value <= 65535;
                case 2:
                    LedPin = value;
                    return value >= -1 && value < 64;
                default:
                    SlotCapacityBytes = value;
                    return value > 0;
            }
        }

        private static BoardSettingsResult ReadBounded(string path, int maxBytes, out byte[] data, out int count)
        {
            data = null;
            count = 0;
            if (path == null || !File.Exists(path))
            {
                return BoardSettingsResult.Missing;
            }

            byte[] buffer = new byte[maxBytes + 1];
            using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                int read;
                while (count < buffer.Length && (read = stream.Read(buffer, count, buffer.Length - count)) > 0)
                {
                    count += read;
                }
            }

            if (count > maxBytes)
            {
                return BoardSettingsResult.TooLarge;
            }

            data = buffer;
            return BoardSettingsResult.Loaded;
        }
    }
}
