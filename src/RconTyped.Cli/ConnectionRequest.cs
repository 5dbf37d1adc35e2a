namespace RconTyped.Cli;

/// <summary>Where and how to connect, as the command line gave it. Never prints the password.</summary>
internal sealed record ConnectionRequest(string Address, string? Password, double TimeoutSeconds, string Encoding, string Dialect)
{
    public override string ToString() => $"ConnectionRequest({Address}, password {(Password is null ? "not given" : "given")})";
}
