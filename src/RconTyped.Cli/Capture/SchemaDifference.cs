namespace RconTyped.Cli;

/// <summary>What changed between two captures.</summary>
internal sealed record SchemaDifference(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<ChangedEntry> Changed);
