using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RconTyped;

namespace HostedBot;

/// <summary>Polls the server's players through the typed API and logs who joined and who left.</summary>
public sealed partial class PlayerWatcher([FromKeyedServices("watched")] SourceServer server, ILogger<PlayerWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                ServerStatus status = await server.GetStatusAsync(stoppingToken);
                var now = status.Players.Select(p => p.IsBot ? $"{p.Name} (bot)" : $"{p.Name} ({p.SteamId?.ToSteam2()})").ToHashSet(StringComparer.Ordinal);
                foreach (string joined in now.Except(known))
                {
                    LogJoined(logger, joined, status.Map);
                }

                foreach (string left in known.Except(now))
                {
                    LogLeft(logger, left);
                }

                known = now;
            }
            catch (RconException e)
            {
                // The client reconnects by itself; this poll is skipped.
                LogPollFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(1, LogLevel.Information, "{Player} is on {Map}")]
    private static partial void LogJoined(ILogger logger, string player, string? map);

    [LoggerMessage(2, LogLevel.Information, "{Player} left")]
    private static partial void LogLeft(ILogger logger, string player);

    [LoggerMessage(3, LogLevel.Warning, "Could not read the players: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, string reason);
}
