using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OmaDm.Nano.Esp32.Http
{
    /// <summary>Certificates from the bytes of the files the board settings name.</summary>
    public static class Certificates
    {
        /// <summary>
        /// Parses a PEM (text) or DER (binary) certificate as read from a settings file; null when
        /// <paramref name="encoded"/> is null or empty.
        /// </summary>
        public static X509Certificate ParseCertificate(byte[] encoded)
        {
            if (encoded == null || encoded.Length == 0)
            {
                return null;
            }

            if (LooksLikePem(encoded))
            {
                // mbedTLS needs PEM as text with its terminator; the string constructor provides it.
                return new X509Certificate(Encoding.UTF8.GetString(encoded, 0, encoded.Length));
            }

            return new X509Certificate(encoded);
        }

        /// <summary>
        /// The client certificate for mutual TLS from its certificate and private-key files (PEM or
        /// DER, as read from the settings); null when either is missing.
        /// </summary>
        public static X509Certificate ParseClientCertificate(byte[] certificate, byte[] key, string keyPassword)
        {
            if (certificate == null || certificate.Length == 0 || key == null || key.Length == 0)
            {
                return null;
            }

            if (LooksLikePem(certificate) && LooksLikePem(key))
            {
                // As for the CA: mbedTLS parses PEM from text, which the string constructor hands over.
                return new X509Certificate2(Encoding.UTF8.GetString(certificate, 0, certificate.Length),
                    Encoding.UTF8.GetString(key, 0, key.Length), keyPassword);
            }

            return new X509Certificate2(certificate, key, keyPassword);
        }

        private static bool LooksLikePem(byte[] data)
        {
            const string Marker = "-----BEGIN";
            int start = 0;
            while (start < data.Length && data[start] <= ' ')
            {
                start++;
            }

            if (data.Length - start < Marker.Length)
            {
                return false;
            }

            for (int i = 0; i < Marker.Length; i++)
            {
                if (data[start + i] != (byte)Marker[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
