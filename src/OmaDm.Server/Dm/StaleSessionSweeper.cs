using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OmaDm.Server.Dm;

/// <summary>Runs <see cref="DmSessionService.SweepStaleSessions"/> once a minute.</summary>
public sealed class StaleSessionSweeper : BackgroundService
{
    /// <summary>A session idle this long is over: the client's own limit is 10 minutes per session (PROTOCOL §5).</summary>
    public static readonly TimeSpan MaxIdle = TimeSpan.FromMinutes(15);

    private readonly DmSessionService _sessions;
    private readonly ILogger<StaleSessionSweeper> _log;

    /// <summary>Creates the sweeper.</summary>
    public StaleSessionSweeper(DmSessionService sessions, ILogger<StaleSessionSweeper> log)
    {
        _sessions = sessions;
        _log = log;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                int n = _sessions.SweepStaleSessions(MaxIdle);
                if (n > 0)
                {
                    _log.LogInformation("aborted {Count} idle session(s)", n);
                }
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                _log.LogWarning("session sweep failed: {Error}", e.Message);
            }
        }
    }
}
