using System.Security.Cryptography;
using System.Text;

namespace OmaDm.Server.Devices;

/// <summary>Salted PBKDF2-SHA256 hashes of device passwords; the password itself is never stored.</summary>
public static class PasswordHasher
{
    /// <summary>Iterations for new hashes (OWASP 2023 guidance for PBKDF2-HMAC-SHA256 is 600 000; devices authenticate once per session, so a lower count keeps session cost bounded).</summary>
    public const int DefaultIterations = 100_000;

    /// <summary>Salt length in bytes.</summary>
    public const int SaltBytes = 16;

    /// <summary>Hash length in bytes.</summary>
    public const int HashBytes = 32;

    /// <summary>Hashes <paramref name="password"/> with a fresh random salt.</summary>
    public static (byte[] Salt, byte[] Hash) Hash(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return (salt, Derive(password, salt, iterations));
    }

    /// <summary>Checks a password against a stored salt and hash in constant time.</summary>
    public static bool Verify(string password, byte[] salt, byte[] hash, int iterations)
    {
        var candidate = Derive(password, salt, iterations);
        return CryptographicOperations.FixedTimeEquals(candidate, hash);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
