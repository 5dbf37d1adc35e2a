namespace RconTyped.Schema;

/// <summary>
/// Reads the output of the <c>cvarlist</c> console command: the Source 1 layout
/// (<c>name : value : , "flag", "flag" : description</c>), the Source 2 layout (<c>name : value : flag, flag : description</c>),
/// GoldSrc's, console prefixes, colour escapes and rows glued together. Lines that are not rows are skipped, never thrown on.
/// </summary>
public static class CvarListParser
{
    /// <summary>Parses every row of a <c>cvarlist</c> answer.</summary>
    public static IEnumerable<ConVar> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (ConsoleEntry entry in ConsoleListParser.Parse(text, deduplicate: false).Entries)
        {
            yield return ToConVar(entry);
        }
    }

    /// <summary>Parses one row; false for anything that is not a row.</summary>
    public static bool TryParseRow(string line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConVar? row)
    {
        ArgumentNullException.ThrowIfNull(line);
        row = null;
        if (!ConsoleListParser.TryParseRow(line, sourceTwo: false, out ConsoleEntry? entry))
        {
            return false;
        }

        row = ToConVar(entry!);
        return true;
    }

    private static ConVar ToConVar(ConsoleEntry entry) =>
        new(entry.Name, entry.Value ?? string.Empty, entry.Flags.ToArray(), entry.Description, entry.IsCommand);
}
