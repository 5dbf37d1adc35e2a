namespace RconTyped;

/// <summary>
/// A player as a log line names one: <c>"Name&lt;userid&gt;&lt;steamid&gt;&lt;team&gt;"</c>. Names may hold <c>&lt;</c>, <c>&gt;</c>,
/// quotes and any UTF-8: the three groups are read from the right.
/// </summary>
/// <param name="Name">The name, exactly as printed.</param>
/// <param name="UserId">The server's user id for the player (0 for the console).</param>
/// <param name="SteamId">The Steam id; null for bots, the console and ids still pending.</param>
/// <param name="Team">The team (<c>CT</c>, <c>TERRORIST</c>, <c>Red</c>, <c>Blue</c>, <c>Unassigned</c> …), empty when none, null when the line prints no team group.</param>
public sealed record LogPlayer(string Name, int? UserId, SteamId? SteamId, string? Team)
{
    /// <summary>True for bots (and SourceTV/GOTV): their id is <c>BOT</c>.</summary>
    public bool IsBot { get; init; }

    /// <summary>True for the server console (<c>Console&lt;0&gt;&lt;Console&gt;&lt;Console&gt;</c>).</summary>
    public bool IsConsole { get; init; }

    /// <inheritdoc />
    public override string ToString() => IsBot ? $"{Name} (bot)" : SteamId is { } id ? $"{Name} ({id})" : Name;
}
