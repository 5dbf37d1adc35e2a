namespace RconTyped.Query;

/// <summary>
/// One player of an A2S_PLAYER answer. Servers send no SteamID here; the index is 0 on most Source games; a player who is
/// still connecting has an empty name.
/// </summary>
public sealed record QueryPlayer
{
    /// <summary>The index byte as sent (0 on most Source games).</summary>
    public byte Index { get; init; }

    /// <summary>The name, decoded as UTF-8 with invalid bytes replaced (<see cref="NameBytes"/> keeps them).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The name's bytes as sent.</summary>
    public ReadOnlyMemory<byte> NameBytes { get; init; }

    /// <summary>The score (kills on most games).</summary>
    public int Score { get; init; }

    /// <summary>How long the player has been connected.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The Ship only: deaths.</summary>
    public int? Deaths { get; init; }

    /// <summary>The Ship only: money.</summary>
    public int? Money { get; init; }
}
