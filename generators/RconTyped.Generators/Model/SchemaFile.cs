using RconTyped.Schema;

namespace RconTyped.Generators.Model;

/// <summary>One AdditionalFiles item, parsed, with its diagnostics already placed in the file.</summary>
internal sealed record SchemaFile(string Path, ConsoleSchema Schema, EquatableArray<DiagnosticInfo> Diagnostics);
