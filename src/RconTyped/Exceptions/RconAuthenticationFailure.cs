namespace RconTyped;

/// <summary>Why authentication failed.</summary>
public enum RconAuthenticationFailure
{
    /// <summary>The server answered with id -1: the password is wrong. The connection stays open.</summary>
    WrongPassword,

    /// <summary>
    /// The server closed the connection instead of answering: the address is probably banned after
    /// repeated failures (srcds), or the game closes on a wrong password (Squad, Project Zomboid).
    /// </summary>
    ConnectionClosed,

    /// <summary>The server withdrew an earlier authentication (for example, rcon_password was changed).</summary>
    Revoked,
}
