namespace RconTyped;

/// <summary>One row of a server's <c>cvarlist</c>: a console variable or a console command.</summary>
/// <param name="Name">The console name, for example <c>sv_cheats</c>.</param>
/// <param name="Value">
/// The value as the server printed it. Source 1 prints every value as a number (text cvars show <c>0</c>);
/// Source 2 prints real values (<c>false</c>, <c>0.2</c>, text). Empty for commands.
/// </param>
/// <param name="Flags">The flags as printed (<c>sv</c>, <c>cheat</c>, <c>rep</c> …), without quotes.</param>
/// <param name="Description">The help text, possibly empty.</param>
/// <param name="IsCommand">True for a console command (<c>cmd</c> in the value column).</param>
public sealed record ConVar(string Name, string Value, IReadOnlyList<string> Flags, string Description, bool IsCommand)
{
    /// <summary>Name, value and flags, for logs.</summary>
    public override string ToString() =>
        IsCommand ? $"{Name} (command)" : $"{Name} = {Value} [{string.Join(", ", Flags)}]";
}
