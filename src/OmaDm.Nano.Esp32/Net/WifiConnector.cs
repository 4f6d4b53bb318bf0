using System;
using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace OmaDm.Nano.Esp32.Net
{
    /// <summary>
    /// Joins a Wi-Fi network with DHCP through <see cref="WifiNetworkHelper"/>, retrying with a
    /// growing pause, and waits for SNTP so that TLS certificate dates and notification
    /// timestamps can be checked.
    /// </summary>
    public sealed class WifiConnector
    {
        /// <summary>Time one attempt may take: association, DHCP and the first SNTP answer.</summary>
        public const int AttemptTimeoutMs = 60000;

        /// <summary>Pause after the first failed attempt; doubles up to <see cref="MaxBackoffMs"/>.</summary>
        public const int FirstBackoffMs = 5000;

        /// <summary>Longest pause between attempts: a board on a flaky access point still retries every few minutes.</summary>
        public const int MaxBackoffMs = 300000;

        private readonly string _ssid;
        private readonly string _password;

        /// <summary>Network to join. A null or empty <paramref name="ssid"/> uses the credentials stored on the device (nanoff / Device Explorer).</summary>
        public WifiConnector(string ssid, string password)
        {
            _ssid = ssid;
            _password = password;
        }

        /// <summary>What the last attempt reported, for logs.</summary>
        public NetworkHelperStatus LastStatus { get; private set; }

        /// <summary>Exception the helper caught during the last attempt, or null.</summary>
        public Exception LastException { get; private set; }

        /// <summary>
        /// Tries up to <paramref name="attempts"/> times (0 = until it works); true once the
        /// network is up with an address and a set clock.
        /// </summary>
        public bool Connect(int attempts)
        {
            int backoff = FirstBackoffMs;
            for (int attempt = 1; attempts <= 0 || attempt <= attempts; attempt++)
            {
                if (TryOnce())
                {
                    return true;
                }

                if (attempts > 0 && attempt == attempts)
                {
                    break;
                }

                Thread.Sleep(backoff);
                backoff = backoff >= MaxBackoffMs / 2 ? MaxBackoffMs : backoff * 2;
            }

            return false;
        }

        private bool TryOnce()
        {
            CancellationTokenSource timeout = new CancellationTokenSource(AttemptTimeoutMs);
            try
            {
                bool ok;
                if (_ssid == null || _ssid.Length == 0)
                {
                    // Credentials stored on the device (nanoff / Device Explorer network configuration).
                    ok = WifiNetworkHelper.Reconnect(true, 0, timeout.Token);
                }
                else
                {
                    // Also stores the credentials, so a later boot can reconnect without the settings file.
                    ok = WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, true, 0, timeout.Token);
                }

                LastStatus = WifiNetworkHelper.Status;
                LastException = WifiNetworkHelper.HelperException;
                return ok;
            }
            catch (Exception e)
            {
                LastException = e;
                return false;
            }
            finally
            {
                timeout.Dispose();
            }
        }
    }
}
