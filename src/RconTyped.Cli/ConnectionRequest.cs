namespace RconTyped.Cli;

/// <summary>Where and how to connect, as the command line gave it. Never prints the password.</summary>
internal sealed record ConnectionRequest(string Address, string? Password, double TimeoutSeconds, string Encoding, string Dialect, string? ConfigPath = null)
{
    /// <summary>The password came from the named-servers file (owner-only), so no command-line warning applies.</summary>
    public bool PasswordFromConfig { get; init; }

    /// <summary>The password came from a named server's environment variable.</summary>
    public bool PasswordFromEnvironment { get; init; }

    public override string ToString() => $"ConnectionRequest({Address}, password {(Password is null ? "not given" : "given")})";
}
