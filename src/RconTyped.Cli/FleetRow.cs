namespace RconTyped.Cli;

/// <summary>One server's line in the --json output of a fleet command.</summary>
internal sealed record FleetRow(string Server, string? Response, string? Error, bool Truncated, FleetStatus? Status);
