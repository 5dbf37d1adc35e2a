namespace RconTyped.Query;

/// <summary>Settings of an <see cref="A2SClient"/>.</summary>
public sealed class A2SClientOptions
{
    /// <summary>How long one attempt waits for its answer (split pieces and a challenge round included). Default 3 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many times a query is sent again after an attempt timed out. Default 1.</summary>
    public int Retries { get; set; } = 1;

    /// <summary>Queries in flight at once in <see cref="A2SClient.QueryInfoManyAsync"/> and its siblings. Default 1024.</summary>
    public int MaxConcurrentQueries { get; set; } = 1024;

    /// <summary>
    /// The largest answer accepted, split pieces joined and bzip2 inflated: a larger one is dropped (and its query
    /// times out with the reason). Default 256 KiB, far above any real rule list.
    /// </summary>
    public int MaxAnswerBytes { get; set; } = 256 * 1024;

    /// <summary>Split answers held at once for one server; the oldest is dropped past this. Default 4.</summary>
    public int MaxSplitAnswersPerServer { get; set; } = 4;

    /// <summary>Challenges a query follows before it gives up (a server that keeps sending new ones). Default 3.</summary>
    public int MaxChallenges { get; set; } = 3;

    internal void Validate()
    {
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The timeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Retries, nameof(Retries));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentQueries, 1, nameof(MaxConcurrentQueries));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAnswerBytes, 1400, nameof(MaxAnswerBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSplitAnswersPerServer, 1, nameof(MaxSplitAnswersPerServer));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxChallenges, nameof(MaxChallenges));
    }
}
