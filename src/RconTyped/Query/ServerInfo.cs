namespace RconTyped.Query;

/// <summary>
/// A server's answer to A2S_INFO. Fields that an engine does not send are null; every string is decoded as UTF-8 with
/// invalid bytes replaced (servers send whatever their name cvar holds).
/// </summary>
public sealed record ServerInfo
{
    /// <summary>Which layout the answer used.</summary>
    public A2SEngine Engine { get; init; }

    /// <summary>The network protocol version (Source: 17 for most games; GoldSource: 47 or 48).</summary>
    public byte Protocol { get; init; }

    /// <summary>The server's name (<c>hostname</c>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The map being played.</summary>
    public string Map { get; init; } = string.Empty;

    /// <summary>The game's folder (<c>csgo</c>, <c>tf</c>, <c>cstrike</c>, <c>rust</c> …).</summary>
    public string Folder { get; init; } = string.Empty;

    /// <summary>The game's name as the server describes it (often changed by mods).</summary>
    public string Game { get; init; } = string.Empty;

    /// <summary>The Steam application id in 16 bits (Source only; use <see cref="GameId"/> for ids above 65535).</summary>
    public ushort? AppId { get; init; }

    /// <summary>
    /// Players on the server, bots included. A byte on the wire: servers with more than 255 (Rust) wrap it or clamp it,
    /// so a count from <see cref="Keywords"/> (Rust's <c>cp</c>) or A2S_PLAYER is better there.
    /// </summary>
    public int Players { get; init; }

    /// <summary>The most players the server allows (a byte on the wire, like <see cref="Players"/>).</summary>
    public int MaxPlayers { get; init; }

    /// <summary>Bots among <see cref="Players"/>.</summary>
    public int Bots { get; init; }

    /// <summary>Dedicated, listen or SourceTV relay.</summary>
    public A2SServerType ServerType { get; init; }

    /// <summary>The server type byte as sent (<c>d</c>, <c>l</c>, <c>p</c>; upper case from GoldSource).</summary>
    public char ServerTypeCode { get; init; }

    /// <summary>The operating system.</summary>
    public A2SEnvironment Environment { get; init; }

    /// <summary>The environment byte as sent.</summary>
    public char EnvironmentCode { get; init; }

    /// <summary>Whether joining needs a password.</summary>
    public bool HasPassword { get; init; }

    /// <summary>Whether the server is VAC secured.</summary>
    public bool IsVacSecured { get; init; }

    /// <summary>The game version (Source; GoldSource servers send no version string).</summary>
    public string? Version { get; init; }

    /// <summary>The extra data flags byte (Source): which of the fields below were sent.</summary>
    public byte? ExtraDataFlags { get; init; }

    /// <summary>
    /// The answer ended inside a field its <see cref="ExtraDataFlags"/> promised: the fields before the cut are kept, that
    /// one and the rest are null (seen in captures that were cut short).
    /// </summary>
    public bool IsTruncated { get; init; }

    /// <summary>The game port (EDF 0x80). Games whose query port differs from the game port (Rust, ARK) say it here.</summary>
    public ushort? GamePort { get; init; }

    /// <summary>The server's SteamID (EDF 0x10).</summary>
    public ulong? SteamId { get; init; }

    /// <summary>The SourceTV port (EDF 0x40).</summary>
    public ushort? SourceTvPort { get; init; }

    /// <summary>The SourceTV name (EDF 0x40).</summary>
    public string? SourceTvName { get; init; }

    /// <summary>The server's tags (EDF 0x20): <c>sv_tags</c> on Source games; Rust puts player counts and more here.</summary>
    public string? Keywords { get; init; }

    /// <summary>The 64-bit game id (EDF 0x01); its low 24 bits are the full application id.</summary>
    public ulong? GameId { get; init; }

    /// <summary>The Ship only (app 2400): the game mode (0 hunt, 1 elimination, 2 duel, 3 deathmatch, 4 VIP team, 5 team elimination).</summary>
    public byte? ShipMode { get; init; }

    /// <summary>The Ship only: witnesses needed to arrest a player.</summary>
    public byte? ShipWitnesses { get; init; }

    /// <summary>The Ship only: seconds before a player is arrested while witnessed.</summary>
    public byte? ShipDuration { get; init; }

    /// <summary>GoldSource only: the address the server says it has (<c>IP:port</c>).</summary>
    public string? Address { get; init; }

    /// <summary>GoldSource only: the mod's details when the game is a Half-Life mod; null otherwise.</summary>
    public GoldSourceMod? Mod { get; init; }
}
