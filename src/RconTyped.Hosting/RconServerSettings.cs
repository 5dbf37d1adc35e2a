namespace RconTyped.Hosting;

/// <summary>
/// One named server, as configuration gives it (<c>"Rcon": { "Servers": { "eu1": { … } } }</c>): the same shape as the
/// command-line tool's named-servers file.
/// </summary>
public sealed class RconServerSettings
{
    /// <summary><c>host:port</c> (the port defaults to 27015).</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>The environment variable that holds the password: the preferred place for it.</summary>
    public string? PasswordVariable { get; set; }

    /// <summary>The password itself, when configuration holds it (user secrets, a vault provider). Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The dialect's id (<c>source</c>, <c>cs2</c>, <c>minecraft</c> …, see <c>RconDialect.Known</c>); default <c>auto</c>.</summary>
    public string? Dialect { get; set; }

    /// <summary>How long a command may wait for its answer; default the client's (10 s).</summary>
    public TimeSpan? CommandTimeout { get; set; }

    /// <summary>Whether a dropped connection is reconnected (and authenticated again); default true.</summary>
    public bool Reconnect { get; set; } = true;

    /// <summary>
    /// When set, <see cref="KeepAliveCommand"/> is sent this often, for servers that drop idle RCON connections.
    /// Default null: none.
    /// </summary>
    public TimeSpan? KeepAliveInterval { get; set; }

    /// <summary>The command the keep-alive sends; default <c>echo keepalive</c>.</summary>
    public string KeepAliveCommand { get; set; } = "echo keepalive";

    /// <inheritdoc />
    public override string ToString() => $"RconServerSettings({Address})";
}
