using System.Net;

namespace RconTyped;

/// <summary>
/// One player row of a status answer, read by <see cref="ServerStatus.Parse"/>. What the game's layout does not print is
/// null. Two rows are equal when every property is; there is no public constructor (to make one in a test, parse an answer).
/// </summary>
public sealed class PlayerInfo : IEquatable<PlayerInfo>
{
    /// <summary>Creates a row.</summary>
    /// <param name="name">The name exactly as printed (quotes removed, nothing trimmed).</param>
    /// <param name="raw">The whole row as it came.</param>
    internal PlayerInfo(string name, string raw)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(raw);
        Name = name;
        Raw = raw;
    }

    /// <summary>The name exactly as printed: quotes removed, spaces and UTF-8 kept.</summary>
    public string Name { get; }

    /// <summary>The server's user id for the player (<c># userid</c>, CS2's <c>id</c>).</summary>
    public int? UserId { get; internal init; }

    /// <summary>The Steam id, when one is printed (bots and SourceTV have none).</summary>
    public SteamId? SteamId { get; internal init; }

    /// <summary>True for bots (and SourceTV / GOTV, which servers list as <c>BOT</c>).</summary>
    public bool IsBot { get; internal init; }

    /// <summary>Round-trip time in milliseconds.</summary>
    public int? Ping { get; internal init; }

    /// <summary>Packet loss, in percent.</summary>
    public int? Loss { get; internal init; }

    /// <summary>The connection state: <c>active</c>, <c>spawning</c>, <c>connecting</c> …</summary>
    public string? State { get; internal init; }

    /// <summary>The player's address, when an IP address and port are printed (not for <c>loopback</c> or bots).</summary>
    public IPEndPoint? Address { get; internal init; }

    /// <summary>How long the player has been connected.</summary>
    public TimeSpan? Connected { get; internal init; }

    /// <summary>
    /// The game's own id for the player when it is not a SteamID: a Minecraft UUID (<c>list uuids</c>), Palworld's
    /// <c>playeruid</c>, the EOS id of Squad and ARK: Survival Ascended.
    /// </summary>
    public string? PlatformId { get; internal init; }

    /// <summary>The team, where the layout prints one (Squad's <c>Team ID</c>).</summary>
    public string? Team { get; internal init; }

    /// <summary>The row as it came.</summary>
    public string Raw { get; }

    /// <summary>True when every property is equal.</summary>
    public bool Equals(PlayerInfo? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (Name == other.Name && Raw == other.Raw && UserId == other.UserId && Nullable.Equals(SteamId, other.SteamId) && IsBot == other.IsBot
                && Ping == other.Ping && Loss == other.Loss && State == other.State && Equals(Address, other.Address) && Connected == other.Connected
                && PlatformId == other.PlatformId && Team == other.Team));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PlayerInfo);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Raw);

    /// <inheritdoc />
    public override string ToString() => IsBot ? $"{Name} (bot)" : SteamId is { } id ? $"{Name} ({id})" : Name;
}
