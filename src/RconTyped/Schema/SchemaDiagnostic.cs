namespace RconTyped.Schema;

/// <summary>Something in a schema or dump that could not be read; the rest is still used.</summary>
/// <param name="Id">The diagnostic id (RCON1nn).</param>
/// <param name="Message">What went wrong and what to do.</param>
/// <param name="Line">0-based line in the file.</param>
/// <param name="Column">0-based column.</param>
/// <param name="Length">Characters the problem spans on that line.</param>
internal sealed record SchemaDiagnostic(string Id, string Message, int Line, int Column, int Length);
