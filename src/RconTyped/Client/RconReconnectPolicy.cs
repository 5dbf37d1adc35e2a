namespace RconTyped;

/// <summary>
/// Opt-in reconnection (<see cref="RconClientOptions.Reconnect"/>): when the connection drops after a successful
/// authentication, the client reconnects with exponential backoff and jitter and authenticates again with the same
/// password. Commands in flight when it dropped fail with <see cref="RconConnectionException"/> and are never replayed
/// (they may have run). An authentication that fails during reconnection is never retried: the client closes.
/// </summary>
public sealed class RconReconnectPolicy
{
    /// <summary>How many times to try before giving up and closing. Default 10.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>The wait before the first attempt; it doubles each time. Default 1 second.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The share of each wait drawn at random (0 to 1), so a fleet of clients does not reconnect in step. Default 0.2.</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>When true (the default), commands issued while reconnecting wait for it (up to the command timeout); when false they fail at once.</summary>
    public bool WaitWhileReconnecting { get; init; } = true;

    /// <summary>The wait before attempt <paramref name="attempt"/> (1-based).</summary>
    internal TimeSpan DelayFor(int attempt, Random random)
    {
        double baseMs = Math.Min(MaxDelay.TotalMilliseconds, InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        double jitter = Math.Clamp(Jitter, 0, 1);
        return TimeSpan.FromMilliseconds(baseMs * (1 - jitter + (random.NextDouble() * 2 * jitter)));
    }
}
