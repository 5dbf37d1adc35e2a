namespace RconTyped.Cli;

/// <summary>One entry whose fields differ, each change as "field old → new".</summary>
internal sealed record ChangedEntry(string Name, IReadOnlyList<string> Changes);
