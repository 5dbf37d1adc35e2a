namespace RconTyped.Query;

/// <summary>The three A2S queries.</summary>
public enum A2SQueryKind
{
    /// <summary>A2S_INFO: name, map, player counts, version and the extra data flags' fields (<see cref="ServerInfo"/>).</summary>
    Info,

    /// <summary>A2S_PLAYER: the players' names, scores and time on the server (<see cref="QueryPlayer"/>).</summary>
    Players,

    /// <summary>A2S_RULES: the server's public cvars (<see cref="ServerRules"/>).</summary>
    Rules,
}
