using System.Globalization;

namespace RconTyped.Cli;

/// <summary>The parsed players of a status answer, in a fleet's --json output.</summary>
internal sealed record FleetStatus(string? Map, int? MaxPlayers, IReadOnlyList<FleetPlayer> Players)
{
    public static FleetStatus From(ServerStatus status) => new(
        status.Map,
        status.MaxPlayers,
        [.. status.Players.Select(p => new FleetPlayer(p.Name, p.SteamId?.Id64.ToString(CultureInfo.InvariantCulture), p.IsBot, p.Ping))]);
}
