namespace RconTyped.Schema;

/// <summary>What a file said about a server's console: its entries, whether they are all of them, and what could not be read.</summary>
internal sealed record ConsoleSchema(EquatableArray<ConsoleEntry> Entries, bool Complete, EquatableArray<SchemaDiagnostic> Diagnostics);
