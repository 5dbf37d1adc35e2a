namespace RconTyped;

/// <summary>A command sent on a timer, for servers that drop idle RCON connections.</summary>
internal sealed record RconKeepAlive(TimeSpan Interval, string Command, TimeProvider Time);
