namespace RconTyped.Query;

/// <summary>
/// What RCON and the server queries say about one server together (<see cref="RconClientQueryExtensions.GetOverviewAsync"/>):
/// the players with their SteamIDs and addresses from RCON's <c>status</c>, the name, map, version and tags from A2S_INFO.
/// </summary>
public sealed record ServerOverview
{
    /// <summary>The parsed <c>status</c> answer (or the game's own list command).</summary>
    public required ServerStatus Status { get; init; }

    /// <summary>The A2S_INFO answer; null when the query failed (<see cref="InfoError"/> says why).</summary>
    public ServerInfo? Info { get; init; }

    /// <summary>Why <see cref="Info"/> is missing: a firewall that lets RCON's TCP through but not UDP is common.</summary>
    public A2SException? InfoError { get; init; }
}
