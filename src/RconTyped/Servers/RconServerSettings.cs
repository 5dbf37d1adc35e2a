using Microsoft.Extensions.Logging;

namespace RconTyped;

/// <summary>
/// One server's settings, in the one shape that configuration (<c>"Rcon": { "Servers": { "eu1": { … } } }</c>), the
/// command-line tool's named-servers file and code all use. <see cref="ToString"/> never shows the password.
/// </summary>
public sealed class RconServerSettings
{
    /// <summary>The keep-alive command when none is set.</summary>
    internal const string DefaultKeepAliveCommand = "echo keepalive";

    /// <summary><c>host</c>, <c>host:port</c> or <c>[IPv6]:port</c> (the port defaults to 27015).</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>The environment variable that holds the password: the preferred place for it.</summary>
    public string? PasswordVariable { get; set; }

    /// <summary>The password itself, when configuration holds it (user secrets, a vault provider). Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The dialect's id (<c>source</c>, <c>cs2</c>, <c>minecraft</c> …, see <see cref="RconDialect.Known"/>); default <c>auto</c>.</summary>
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
    public string KeepAliveCommand { get; set; } = DefaultKeepAliveCommand;

    /// <summary>The address only.</summary>
    public override string ToString() => $"RconServerSettings({Address})";

    /// <summary>Copies every setting into <paramref name="target"/> (named options are new instances, filled in by copying).</summary>
    internal void CopyTo(RconServerSettings target)
    {
        target.Address = Address;
        target.PasswordVariable = PasswordVariable;
        target.Password = Password;
        target.Dialect = Dialect;
        target.CommandTimeout = CommandTimeout;
        target.Reconnect = Reconnect;
        target.KeepAliveInterval = KeepAliveInterval;
        target.KeepAliveCommand = KeepAliveCommand;
    }

    /// <summary>
    /// What is wrong with these settings, one line per setting (the setting's name first), or none. The environment is
    /// read for <see cref="PasswordVariable"/>; the password itself never appears.
    /// </summary>
    internal List<string> FindProblems(Func<string, string?> environment)
    {
        var problems = new List<string>();
        try
        {
            RconAddress.Parse(Address);
        }
        catch (FormatException e)
        {
            problems.Add($"Address '{Address}' is not host:port: {e.Message}");
        }

        try
        {
            _ = Dialect is { Length: > 0 } dialect ? RconDialect.Parse(dialect) : null;
        }
        catch (FormatException e)
        {
            problems.Add("Dialect: " + e.Message);
        }

        if (PasswordProblem(environment) is { } password)
        {
            problems.Add(password);
        }

        if (CommandTimeout is { } timeout && timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            problems.Add($"CommandTimeout {timeout} is not positive.");
        }

        if (KeepAliveInterval is { } interval && interval > TimeSpan.Zero && string.IsNullOrWhiteSpace(KeepAliveCommand))
        {
            problems.Add("KeepAliveCommand is empty while KeepAliveInterval is set.");
        }

        return problems;
    }

    /// <summary>The password: from <see cref="PasswordVariable"/> when set, else <see cref="Password"/>.</summary>
    /// <exception cref="InvalidOperationException">Neither gives one; the message names the setting to fix.</exception>
    internal string ResolvePassword(Func<string, string?> environment)
    {
        if (PasswordProblem(environment) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        return PasswordVariable is { Length: > 0 } variable ? environment(variable)! : Password!;
    }

    /// <summary>The client settings these give, with the host's logger and clock.</summary>
    internal RconClientOptions CreateClientOptions(ILogger? logger, TimeProvider time)
    {
        var options = new RconClientOptions
        {
            Dialect = Dialect is { Length: > 0 } id ? RconDialect.Parse(id) : RconDialect.Auto,
            Logger = logger,
            TimeProvider = time,
            Reconnect = Reconnect ? new RconReconnectPolicy() : null,
        };
        if (CommandTimeout is { } timeout)
        {
            options.CommandTimeout = timeout;
        }

        return options;
    }

    /// <summary>The keep-alive these ask for, or null.</summary>
    internal RconKeepAlive? CreateKeepAlive(TimeProvider time) =>
        KeepAliveInterval is { } interval && interval > TimeSpan.Zero ? new RconKeepAlive(interval, KeepAliveCommand, time) : null;

    private string? PasswordProblem(Func<string, string?> environment)
    {
        if (PasswordVariable is { Length: > 0 } variable)
        {
            return environment(variable) is { Length: > 0 } ? null : $"PasswordVariable: the environment variable {variable} is not set.";
        }

        return Password is { Length: > 0 } ? null : "Password: none is set; set PasswordVariable (preferred) or Password.";
    }
}
