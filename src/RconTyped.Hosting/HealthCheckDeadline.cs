using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RconTyped.Hosting;

/// <summary>When a check stops waiting: a little inside its registration's timeout, so the result says what did not answer
/// instead of the health check service's own "A timeout occurred while running check".</summary>
internal static class HealthCheckDeadline
{
    /// <summary>The timeout when the registration sets none.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The registration's timeout (or the default).</summary>
    public static TimeSpan Of(HealthCheckContext context) =>
        context.Registration.Timeout == Timeout.InfiniteTimeSpan ? DefaultTimeout : context.Registration.Timeout;

    /// <summary>A token that fires at nine tenths of <paramref name="timeout"/>, or with the caller's.</summary>
    public static CancellationTokenSource Start(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout * 0.9);
        return deadline;
    }
}
