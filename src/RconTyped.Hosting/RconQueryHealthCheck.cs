using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RconTyped.Query;

namespace RconTyped.Hosting;

/// <summary>
/// Asks a named server for A2S_INFO (UDP, no password): Healthy when it answers in time, Degraded when it answers slowly,
/// and the registration's failure status (with the reason) when it does not answer within the registration's timeout or
/// its answer cannot be read. It never opens an RCON connection, so it cannot lock a server out with failed logins.
/// </summary>
internal sealed class RconQueryHealthCheck(RconQueryClient queries, IOptionsMonitor<RconServerSettings> settings, string serverName, int? queryPort, TimeSpan degradedAfter) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        TimeSpan timeout = HealthCheckDeadline.Of(context);
        HealthStatus failure = context.Registration.FailureStatus;
        long start = Stopwatch.GetTimestamp();
        using CancellationTokenSource deadline = HealthCheckDeadline.Start(timeout, cancellationToken);
        ServerInfo info;
        IPEndPoint? endPoint = null;
        try
        {
            endPoint = await A2SAddress.ResolveAsync(settings.Get(serverName).Address, queryPort, deadline.Token).ConfigureAwait(false);
            info = await queries.Client.QueryInfoAsync(endPoint, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(failure, $"Game server {serverName}: no A2S_INFO answer from {endPoint?.ToString() ?? "its address"} within {timeout.TotalSeconds:0.###} s.");
        }
        catch (Exception e) when (e is RconException or FormatException or System.Net.Sockets.SocketException)
        {
            return new HealthCheckResult(failure, $"Game server {serverName}: {e.Message}", e);
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        var data = new Dictionary<string, object>
        {
            ["elapsedMs"] = elapsed.TotalMilliseconds,
            ["name"] = info.Name,
            ["map"] = info.Map,
            ["players"] = info.Players,
            ["maxPlayers"] = info.MaxPlayers,
        };
        string summary = $"{info.Players}/{info.MaxPlayers} players on {info.Map}";
        return elapsed > degradedAfter
            ? HealthCheckResult.Degraded($"Game server {serverName} answered A2S_INFO in {elapsed.TotalMilliseconds:0} ms (slower than {degradedAfter.TotalMilliseconds:0} ms): {summary}.", data: data)
            : HealthCheckResult.Healthy($"Game server {serverName} answered A2S_INFO in {elapsed.TotalMilliseconds:0} ms: {summary}.", data);
    }
}
