namespace RconTyped.Testing;

/// <summary>A console command of the emulated server: its handler returns the output, or null for no answer.</summary>
internal sealed record ConsoleCommand(string Name, string Description, Func<IReadOnlyList<string>, string?> Handler);
