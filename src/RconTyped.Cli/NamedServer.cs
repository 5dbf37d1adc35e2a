namespace RconTyped.Cli;

/// <summary>One entry of the named-servers config. Never prints its password.</summary>
internal sealed record NamedServer(string Name, string Address, string? Dialect, string? PasswordVariable, string? Password)
{
    public override string ToString() => $"NamedServer(@{Name}, {Address})";
}
