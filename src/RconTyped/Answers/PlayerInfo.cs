using System.Net;

namespace RconTyped;

/// <summary>One player row of a status answer. What the game's layout does not print is null.</summary>
public sealed class PlayerInfo
{
    /// <summary>Creates a row.</summary>
    /// <param name="name">The name exactly as printed (quotes removed, nothing trimmed).</param>
    /// <param name="raw">The whole row as it came.</param>
    public PlayerInfo(string name, string raw)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(raw);
        Name = name;
        Raw = raw;
    }

    /// <summary>The name exactly as printed: quotes removed, spaces and UTF-8 kept.</summary>
    public string Name { get; }

    /// <summary>The server's user id for the player (<c># userid</c>, CS2's <c>id</c>).</summary>
    public int? UserId { get; init; }

    /// <summary>The Steam id, when one is printed (bots and SourceTV have none).</summary>
    public SteamId? SteamId { get; init; }

    /// <summary>True for bots (and SourceTV / GOTV, which servers list as <c>BOT</c>).</summary>
    public bool IsBot { get; init; }

    /// <summary>Round-trip time in milliseconds.</summary>
    public int? Ping { get; init; }

    /// <summary>Packet loss, in percent.</summary>
    public int? Loss { get; init; }

    /// <summary>The connection state: <c>active</c>, <c>spawning</c>, <c>connecting</c> …</summary>
    public string? State { get; init; }

    /// <summary>The player's address, when an IP address and port are printed (not for <c>loopback</c> or bots).</summary>
    public IPEndPoint? Address { get; init; }

    /// <summary>How long the player has been connected.</summary>
    public TimeSpan? Connected { get; init; }

    /// <summary>
    /// The game's own id for the player when it is not a SteamID: a Minecraft UUID (<c>list uuids</c>), Palworld's
    /// <c>playeruid</c>, the EOS id of Squad and ARK: Survival Ascended.
    /// </summary>
    public string? PlatformId { get; init; }

    /// <summary>The team, where the layout prints one (Squad's <c>Team ID</c>).</summary>
    public string? Team { get; init; }

    /// <summary>The row as it came.</summary>
    public string Raw { get; }

    /// <inheritdoc />
    public override string ToString() => IsBot ? $"{Name} (bot)" : SteamId is { } id ? $"{Name} ({id})" : Name;
}
