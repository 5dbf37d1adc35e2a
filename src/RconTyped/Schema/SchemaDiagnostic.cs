namespace RconTyped.Schema;

/// <summary>Something in a schema or dump that could not be read; the rest is still used.</summary>
/// <param name="Kind">What went wrong; the generator's descriptor for it gives the id and the message's frame.</param>
/// <param name="Detail">The particulars (names, the offending text, what to do), which the descriptor's message format frames.</param>
/// <param name="Line">0-based line in the file.</param>
/// <param name="Column">0-based column.</param>
/// <param name="Length">Characters the problem spans on that line.</param>
internal sealed record SchemaDiagnostic(SchemaDiagnosticKind Kind, string Detail, int Line, int Column, int Length)
{
    /// <summary>The diagnostic id, <c>RCON</c> and the kind's number.</summary>
    public string Id => "RCON" + ((int)Kind).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
