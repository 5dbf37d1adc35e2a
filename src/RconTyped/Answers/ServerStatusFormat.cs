namespace RconTyped;

/// <summary>The layout a status answer was recognised as.</summary>
public enum ServerStatusFormat
{
    /// <summary>No known layout: nothing but <see cref="ServerStatus.UnparsedLines"/>.</summary>
    Unknown,

    /// <summary>Source 1 <c>status</c> (TF2, CS:S, CS:GO, GMod, L4D/L4D2, HL2DM …): <c>key : value</c> lines and <c># userid name …</c> rows.</summary>
    Source,

    /// <summary>Source 2 <c>status</c> (CS2): <c>---------players--------</c> and <c>id time ping loss state rate adr name</c> rows.</summary>
    Cs2,

    /// <summary>GoldSrc / HLDS <c>status</c> (Half-Life, CS 1.6, TFC …): <c>#      name userid uniqueid frag time ping loss adr</c> rows.</summary>
    GoldSrc,

    /// <summary>Minecraft <c>list</c> (optionally <c>list uuids</c>): <c>There are N of a max of M players online: a, b</c>, and the pre-1.13 and Bukkit forms.</summary>
    Minecraft,

    /// <summary>Palworld <c>ShowPlayers</c>: the CSV <c>name,playeruid,steamid</c>.</summary>
    Palworld,

    /// <summary>Squad <c>ListPlayers</c>: <c>----- Active Players -----</c> then <c>ID: n | … | Name: … | Team ID: …</c> rows.</summary>
    Squad,

    /// <summary>ARK <c>ListPlayers</c>: <c>0. Name, id</c> rows, or <c>No Players Connected</c>.</summary>
    Ark,

    /// <summary>Conan Exiles <c>ListPlayers</c>: <c>Idx | Char name | Player name | User ID | Platform ID | Platform Name</c> rows.</summary>
    ConanExiles,

    /// <summary>Factorio <c>/players online</c>: <c>Online players (N):</c> then one indented name per line.</summary>
    Factorio,
}
