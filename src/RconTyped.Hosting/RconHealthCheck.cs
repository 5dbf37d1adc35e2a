using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RconTyped.Hosting;

/// <summary>
/// Runs a cheap command on a named server: Healthy when it answers in time, Degraded when it answers slowly, and the
/// registration's failure status (with the reason) when it cannot connect, authenticate or answer within the
/// registration's timeout.
/// </summary>
internal sealed class RconHealthCheck(IRconClientFactory factory, string serverName, string command, TimeSpan degradedAfter) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        TimeSpan timeout = HealthCheckDeadline.Of(context);
        HealthStatus failure = context.Registration.FailureStatus;
        long start = Stopwatch.GetTimestamp();
        using CancellationTokenSource deadline = HealthCheckDeadline.Start(timeout, cancellationToken);
        try
        {
            RconClient client = await factory.GetClientAsync(serverName, deadline.Token).ConfigureAwait(false);
            await client.ExecuteAsync(command, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(failure, $"RCON server {serverName}: no answer to '{command}' within {timeout.TotalSeconds:0.###} s.");
        }
        catch (Exception e) when (e is RconException or ArgumentException or InvalidOperationException)
        {
            return new HealthCheckResult(failure, $"RCON server {serverName}: {e.Message}", e);
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        var data = new Dictionary<string, object> { ["elapsedMs"] = elapsed.TotalMilliseconds };
        return elapsed > degradedAfter
            ? HealthCheckResult.Degraded($"RCON server {serverName} answered in {elapsed.TotalMilliseconds:0} ms (slower than {degradedAfter.TotalMilliseconds:0} ms).", data: data)
            : HealthCheckResult.Healthy($"RCON server {serverName} answered in {elapsed.TotalMilliseconds:0} ms.", data);
    }
}
