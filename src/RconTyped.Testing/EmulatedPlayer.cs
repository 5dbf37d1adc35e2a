using System.Net;

namespace RconTyped.Testing;

/// <summary>
/// A player on the emulated server. Each game mode prints the roster in its own layout (<c>status</c>, <c>list</c>,
/// <c>ShowPlayers</c>, <c>ListPlayers</c>); <c>kick</c> takes players off it. Set the roster with
/// <see cref="EmulatedServerOptions.Players"/> or <see cref="ServerConsole.AddPlayer"/>.
/// </summary>
public sealed class EmulatedPlayer
{
    /// <summary>A player with this name (any text; layouts that quote names print it as it is).</summary>
    public EmulatedPlayer(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The Steam id; null for bots and for games without Steam (Minecraft).</summary>
    public SteamId? SteamId { get; init; }

    /// <summary>Whether this is a bot. Games without bots (Minecraft, Palworld, Squad, ARK) leave bots out of their lists.</summary>
    public bool IsBot { get; init; }

    /// <summary>The game's own id: a Minecraft UUID, Palworld's playeruid, an EOS id. Games that print one make one up from the name when null.</summary>
    public string? PlatformId { get; init; }

    /// <summary>Ping in milliseconds. Default 40.</summary>
    public int Ping { get; init; } = 40;

    /// <summary>The team (Squad's <c>Team ID</c>). Default <c>"1"</c>.</summary>
    public string Team { get; init; } = "1";

    /// <summary>How long the player has been connected. Default 5 minutes.</summary>
    public TimeSpan Connected { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The player's address; null prints a 127.0.0.x address for humans.</summary>
    public IPEndPoint? Address { get; init; }

    /// <summary>
    /// The roster a server starts with unless told otherwise: two humans (one with a non-ASCII name and a Steam3 id, one
    /// with a Steam2 id) and a bot.
    /// </summary>
    public static IReadOnlyList<EmulatedPlayer> DefaultRoster { get; } =
    [
        new("Gordon") { SteamId = RconTyped.SteamId.Parse("STEAM_1:0:11101"), Ping = 35 },
        new("Ärger ☆ Ümlaut") { SteamId = RconTyped.SteamId.Parse("[U:1:29162964]"), Ping = 60, Team = "2", Connected = TimeSpan.FromSeconds(80) },
        new("Bot01") { IsBot = true, Ping = 0 },
    ];

    /// <inheritdoc />
    public override string ToString() => Name;
}
