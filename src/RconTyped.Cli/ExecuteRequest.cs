namespace RconTyped.Cli;

/// <summary>What the command line asked for in single-command mode.</summary>
internal sealed record ExecuteRequest(string Address, string? Command, string? Password, double TimeoutSeconds, string Encoding, string Dialect)
{
    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"ExecuteRequest({Address}, {Command}, password {(Password is null ? "not given" : "given")})";
}
