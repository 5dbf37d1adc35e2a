namespace RconTyped.Logs;

/// <summary>
/// A player as a log line names one: <c>"Name&lt;userid&gt;&lt;steamid&gt;&lt;team&gt;"</c>. Names may hold <c>&lt;</c>, <c>&gt;</c>,
/// quotes and any UTF-8: the three groups are read from the right. Two players are equal when every property is.
/// </summary>
public sealed class LogPlayer : IEquatable<LogPlayer>
{
    /// <summary>Makes a player reference.</summary>
    /// <param name="name">The name, exactly as printed.</param>
    /// <param name="userId">The server's user id for the player (0 for the console).</param>
    /// <param name="steamId">The Steam id; null for bots, the console and ids still pending.</param>
    /// <param name="team">The team, empty when none, null when the line prints no team group.</param>
    public LogPlayer(string name, int? userId, SteamId? steamId, string? team)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        UserId = userId;
        SteamId = steamId;
        Team = team;
    }

    /// <summary>The name, exactly as printed.</summary>
    public string Name { get; }

    /// <summary>The server's user id for the player (0 for the console).</summary>
    public int? UserId { get; }

    /// <summary>The Steam id; null for bots, the console and ids still pending (<c>STEAM_ID_PENDING</c>, CS2's <c>&lt;none&gt;</c>).</summary>
    public SteamId? SteamId { get; }

    /// <summary>The team (<c>CT</c>, <c>TERRORIST</c>, <c>Red</c>, <c>Blue</c>, <c>Unassigned</c> …), empty when none, null when the line prints no team group.</summary>
    public string? Team { get; }

    /// <summary>True for bots (and SourceTV/GOTV): their id is <c>BOT</c>.</summary>
    public bool IsBot { get; init; }

    /// <summary>True for the server console (<c>Console&lt;0&gt;&lt;Console&gt;&lt;Console&gt;</c>).</summary>
    public bool IsConsole { get; init; }

    /// <summary>True when every property is equal.</summary>
    public bool Equals(LogPlayer? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (Name == other.Name && UserId == other.UserId && Nullable.Equals(SteamId, other.SteamId) && Team == other.Team && IsBot == other.IsBot && IsConsole == other.IsConsole));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LogPlayer);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, UserId, SteamId, Team);

    /// <inheritdoc />
    public override string ToString() => IsBot ? $"{Name} (bot)" : SteamId is { } id ? $"{Name} ({id})" : Name;
}
