namespace RconTyped.Cli;

/// <summary>One player in a fleet's --json status.</summary>
internal sealed record FleetPlayer(string Name, string? SteamId, bool Bot, int? Ping);
