using System.IO;
using OmaDm.Nano.Json;
using OmaDm.Nano.Platform;

namespace OmaDm.Nano.Session
{
    /// <summary>
    /// Factory bootstrap settings file (docs/PROTOCOL.md §8): the first DM Account of a fresh
    /// device. <c>{"ServerId":..,"ServerUri":..,"UserName":..,"Password":..,"NotificationSecret":..,"DevId":..,"AllowInsecure":false}</c>.
    /// </summary>
    public sealed class BootstrapSettings
    {
        /// <summary>Largest settings file, in bytes: it is read whole into RAM.</summary>
        public const int MaxFileBytes = 4096;

        /// <summary>Longest ServerId, in characters.</summary>
        public const int MaxServerIdChars = 64;

        /// <summary>SrvID of the account to create. Required.</summary>
        public string ServerId;

        /// <summary>SrvURI of the account. Required; absolute http(s).</summary>
        public string ServerUri;

        /// <summary>HTTP Basic user name, or null.</summary>
        public string UserName;

        /// <summary>HTTP Basic password, or null.</summary>
        public string Password;

        /// <summary>Notification digest secret, or null.</summary>
        public string NotificationSecret;

        /// <summary>DevID override, or null to use the platform's.</summary>
        public string DevId;

        /// <summary>Explicit opt-in to plain http to non-loopback hosts.</summary>
        public bool AllowInsecure;

        /// <summary>The account these settings describe.</summary>
        public DmAccount ToAccount()
        {
            DmAccount account = new DmAccount();
            account.ServerId = ServerId;
            account.ServerUri = ServerUri;
            account.UserName = UserName;
            account.Password = Password;
            account.NotificationSecret = NotificationSecret;
            account.AllowInsecure = AllowInsecure;
            return account;
        }

        /// <summary>Parses and validates a settings file. Unknown members are ignored.</summary>
        /// <param name="json">File bytes.</param>
        /// <param name="count">Bytes used in <paramref name="json"/>.</param>
        /// <param name="settings">The settings, or null on failure.</param>
        /// <returns>True when the file is valid JSON with a usable ServerId and ServerUri.</returns>
        public static bool TryParse(byte[] json, int count, out BootstrapSettings settings)
        {
            settings = null;
            if (json == null || count <= 0 || count > MaxFileBytes || count > json.Length)
            {
                return false;
            }

            if (count < json.Length)
            {
                byte[] exact = new byte[count];
                for (int i = 0; i < count; i++)
                {
                    exact[i] = json[i];
                }

                json = exact;
            }

            BootstrapSettings result = new BootstrapSettings();
            try
            {
                JsonReader reader = new JsonReader(new MemoryStream(json), new byte[count + JsonReader.MinWindowBytes], 4);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return false;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    int key = KeyOf(reader);
                    reader.Read();
                    if (key == 7)
                    {
                        bool flag;
                        if (!reader.TryGetBoolean(out flag))
                        {
                            return false;
                        }

                        result.AllowInsecure = flag;
                        continue;
                    }

                    if (key == 0)
                    {
                        reader.Skip();
                        continue;
                    }

                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        continue;
                    }

                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    string value = reader.GetString();
                    switch (key)
                    {
                        case 1: result.ServerId = value; break;
                        case 2: result.ServerUri = value; break;
                        case 3: result.UserName = value; break;
                        case 4: result.Password = value; break;
                        case 5: result.NotificationSecret = value; break;
                        case 6: result.DevId = value; break;
                    }
                }
            }
            catch (JsonException)
            {
                return false;
            }

            if (result.ServerId == null || result.ServerId.Length == 0 || result.ServerId.Length > MaxServerIdChars
                || !UrlRules.IsHttpUrl(result.ServerUri))
            {
                return false;
            }

            settings = result;
            return true;
        }

        private static int KeyOf(JsonReader reader)
        {
            if (reader.ValueEquals("ServerId")) { return 1; }
            if (reader.ValueEquals("ServerUri")) { return 2; }
            if (reader.ValueEquals("UserName")) { return 3; }
            if (reader.ValueEquals("Password")) { return 4; }
            if (reader.ValueEquals("NotificationSecret")) { return 5; }
            if (reader.ValueEquals("DevId")) { return 6; }
            if (reader.ValueEquals("AllowInsecure")) { return 7; }
            return 0;
        }
    }
}
