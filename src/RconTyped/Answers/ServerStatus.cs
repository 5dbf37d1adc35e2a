namespace RconTyped;

/// <summary>
/// A parsed <c>status</c> answer: the server's header fields and its player rows. Made by <see cref="Parse"/>, which never
/// throws: what it does not understand is kept in <see cref="UnparsedLines"/>. Two statuses are equal when every property
/// is (players and unparsed lines compared in order).
/// </summary>
public sealed class ServerStatus : IEquatable<ServerStatus>
{
    internal ServerStatus(ServerStatusFormat format, IReadOnlyList<PlayerInfo> players, IReadOnlyList<string> unparsedLines)
    {
        Format = format;
        Players = players;
        UnparsedLines = unparsedLines;
    }

    /// <summary>The layout that was recognised.</summary>
    public ServerStatusFormat Format { get; }

    /// <summary>The <c>hostname</c> line.</summary>
    public string? Hostname { get; internal init; }

    /// <summary>The <c>version</c> line, as printed.</summary>
    public string? Version { get; internal init; }

    /// <summary>The map: the <c>map</c> line's first word (Source 1), or the first loaded spawn group's map (CS2).</summary>
    public string? Map { get; internal init; }

    /// <summary>The maximum number of players from the <c>players</c> line.</summary>
    public int? MaxPlayers { get; internal init; }

    /// <summary>Humans according to the <c>players</c> line (it may disagree with <see cref="Players"/>: servers cut long lists).</summary>
    public int? HumanCount { get; internal init; }

    /// <summary>Bots according to the <c>players</c> line.</summary>
    public int? BotCount { get; internal init; }

    /// <summary>Every player row, bots included, in the order printed.</summary>
    public IReadOnlyList<PlayerInfo> Players { get; }

    /// <summary>
    /// True when the answer arrived cut short (<see cref="RconResponse.IsTruncated"/>: Palworld's answers with non-ASCII
    /// names lose their last bytes), so the last player may be missing or wrong.
    /// </summary>
    public bool IsTruncated { get; internal set; }

    /// <summary>Every non-empty line that was not understood, so nothing is lost silently.</summary>
    public IReadOnlyList<string> UnparsedLines { get; }

    /// <summary>True when every property is equal.</summary>
    public bool Equals(ServerStatus? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (Format == other.Format && Hostname == other.Hostname && Version == other.Version && Map == other.Map && MaxPlayers == other.MaxPlayers
                && HumanCount == other.HumanCount && BotCount == other.BotCount && IsTruncated == other.IsTruncated
                && Players.SequenceEqual(other.Players) && UnparsedLines.SequenceEqual(other.UnparsedLines)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ServerStatus);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Format, Hostname, Map, Players.Count);

    /// <summary>Parses a status answer of any known layout. Never throws; an unknown layout gives <see cref="ServerStatusFormat.Unknown"/>.</summary>
    public static ServerStatus Parse(string text) => ServerStatusParser.Parse(text ?? string.Empty);
}
