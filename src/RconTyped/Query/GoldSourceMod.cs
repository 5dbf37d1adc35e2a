namespace RconTyped.Query;

/// <summary>The mod block of a GoldSource INFO answer (sent when the game is a Half-Life mod).</summary>
public sealed record GoldSourceMod
{
    /// <summary>The mod's website.</summary>
    public string Link { get; init; } = string.Empty;

    /// <summary>Where to download the mod.</summary>
    public string DownloadLink { get; init; } = string.Empty;

    /// <summary>The mod's version.</summary>
    public int Version { get; init; }

    /// <summary>The mod's size in bytes.</summary>
    public int Size { get; init; }

    /// <summary>Whether the mod is multiplayer only.</summary>
    public bool IsMultiplayerOnly { get; init; }

    /// <summary>Whether the mod has its own DLL rather than Half-Life's.</summary>
    public bool HasOwnDll { get; init; }
}
