namespace RconTyped.Cli;

/// <summary>The --json output of capture.</summary>
internal sealed record CaptureSummary(string File, string Format, int Entries, int Cvars, int Commands);
