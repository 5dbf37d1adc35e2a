namespace RconTyped.Schema;

/// <summary>
/// Reads the output of the <c>cvarlist</c> console command, in the Source 1 layout
/// (<c>name : value : , "flag", "flag" : description</c>) and the Source 2 layout
/// (<c>name : value : flag, flag : description</c>). Lines that are not rows (the header, the
/// separator, the <c>N total convars/concommands</c> footer, log lines) are skipped, never thrown on.
/// </summary>
public static class CvarListParser
{
    /// <summary>Parses every row of a <c>cvarlist</c> answer.</summary>
    public static IEnumerable<ConVar> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            if (TryParseRow(line, out ConVar? row))
            {
                yield return row;
            }
        }
    }

    /// <summary>Parses one row; false for anything that is not a row.</summary>
    public static bool TryParseRow(string line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConVar? row)
    {
        ArgumentNullException.ThrowIfNull(line);
        row = null;

        // name : value : flags : description. The description may itself contain " : ", so split at most three times.
        string[] columns = line.Split(':', 4);
        if (columns.Length < 3)
        {
            return false;
        }

        string name = columns[0].Trim();
        if (name.Length == 0 || name.Any(char.IsWhiteSpace))
        {
            return false;
        }

        string value = columns[1].Trim();
        bool isCommand = value == "cmd";
        string description = columns.Length == 4 ? columns[3].Trim() : string.Empty;
        row = new ConVar(name, isCommand ? string.Empty : value, ParseFlags(columns[2]), description, isCommand);
        return true;
    }

    private static string[] ParseFlags(string column) =>
        column.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(flag => flag.Trim('"'))
            .Where(flag => flag.Length > 0)
            .ToArray();
}
