namespace RconTyped.Query;

/// <summary>What kind of server answered (INFO's server type byte: <c>d</c>/<c>D</c>, <c>l</c>/<c>L</c>, <c>p</c>/<c>P</c>).</summary>
public enum A2SServerType
{
    /// <summary>A byte this library does not know; <see cref="ServerInfo.ServerTypeCode"/> has it.</summary>
    Unknown,

    /// <summary>A dedicated server.</summary>
    Dedicated,

    /// <summary>A listen server (a player's game hosting it).</summary>
    NonDedicated,

    /// <summary>A SourceTV relay (proxy).</summary>
    SourceTvRelay,
}
