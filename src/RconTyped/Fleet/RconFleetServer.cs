namespace RconTyped;

/// <summary>One server of a fleet: its address, password and client settings. <see cref="ToString"/> never shows the password.</summary>
/// <param name="Address"><c>host</c>, <c>host:port</c> or <c>[IPv6]:port</c>.</param>
/// <param name="Password">The RCON password.</param>
/// <param name="Options">Client settings for this server; null for the defaults.</param>
public sealed record RconFleetServer(string Address, string Password, RconClientOptions? Options = null)
{
    /// <summary>The address only.</summary>
    public override string ToString() => Address;
}
