using System.Collections.Concurrent;

namespace OmaDm.Server.Dm;

/// <summary>
/// Limits failed device authentications per remote address: every failure costs a PBKDF2 run, so
/// unlimited guessing would be both a password attack and a CPU exhaustion attack. After
/// <see cref="ServerOptions.MaxAuthFailuresPerMinute"/> failures in a minute the address gets 429
/// until the minute is over. Successful logins are never counted.
/// </summary>
public sealed class AuthThrottle
{
    /// <summary>Addresses tracked at most; the table is cleared of old windows beyond this (bounded memory).</summary>
    public const int MaxTrackedAddresses = 10_000;

    private const long WindowMs = 60_000;

    private readonly int _limit;
    private readonly ConcurrentDictionary<string, (long WindowStart, int Failures)> _failures = new(StringComparer.Ordinal);

    /// <summary>Creates the throttle.</summary>
    public AuthThrottle(ServerOptions options) => _limit = options.MaxAuthFailuresPerMinute;

    /// <summary>Whether <paramref name="address"/> used up its failures for the current minute.</summary>
    public bool IsBlocked(string? address)
    {
        var key = address ?? "";
        return _failures.TryGetValue(key, out var entry) && Environment.TickCount64 - entry.WindowStart < WindowMs && entry.Failures >= _limit;
    }

    /// <summary>Counts one failed authentication from <paramref name="address"/>.</summary>
    public void RecordFailure(string? address)
    {
        var now = Environment.TickCount64;
        if (_failures.Count >= MaxTrackedAddresses)
        {
            foreach (var old in _failures.Where(e => now - e.Value.WindowStart >= WindowMs).Select(e => e.Key).ToList())
            {
                _failures.TryRemove(old, out _);
            }
        }
        _failures.AddOrUpdate(address ?? "", _ => (now, 1),
            (_, e) => now - e.WindowStart >= WindowMs ? (now, 1) : (e.WindowStart, e.Failures + 1));
    }
}
