using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace RconTyped.Schema;

/// <summary>
/// Reads console dumps: <c>cvarlist</c> output in the Source 1, Source 2 and GoldSrc layouts (with console prefixes
/// such as <c>[Console] </c>, terminal colour escapes, CRLF, several dumps in one file, rows glued together without a
/// newline) and Markdown tables of cvars. Never throws on content: a line that cannot be read becomes a diagnostic.
/// Shared by the runtime and the source generator (linked source), so both read dumps the same way.
/// </summary>
internal static class ConsoleListParser
{
    private static readonly Regex AnsiEscape = new("\u001B\\[[0-9;?]*[A-Za-z]", RegexOptions.CultureInvariant);
    private static readonly Regex ConsolePrefix = new("^\\[[A-Za-z][A-Za-z0-9 _-]*\\] ", RegexOptions.CultureInvariant);
    private static readonly Regex Footer = new("^\\s*\\d+\\s+(total convars/concommands|Total CVars|convars/concommands for \\[.*\\])\\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <param name="text">The dump.</param>
    /// <param name="deduplicate">When true (for generating code), a name that appears again replaces the earlier row and a diagnostic says so.</param>
    public static ConsoleSchema Parse(string text, bool deduplicate = true)
    {
        string[] lines = text.Split('\n');
        var rows = new List<(ConsoleEntry Entry, int Line)>();
        var diagnostics = new List<SchemaDiagnostic>();
        bool markdown = false;
        bool goldSrc = false;

        // Source 2 prints real values and unquoted flags; Source 1 forces numbers and quotes flags. One pass decides.
        bool sourceTwo = LooksLikeSourceTwo(lines);

        for (int index = 0; index < lines.Length; index++)
        {
            string line = Clean(lines[index]);
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || IsFrame(trimmed))
            {
                if (trimmed.Equals("CVar List", StringComparison.Ordinal))
                {
                    goldSrc = true;
                }

                continue;
            }

            if (trimmed.StartsWith("Name | Flags", StringComparison.OrdinalIgnoreCase))
            {
                markdown = true;
                continue;
            }

            if (markdown && trimmed.IndexOf(" | ", StringComparison.Ordinal) >= 0)
            {
                if (!trimmed.StartsWith("---", StringComparison.Ordinal))
                {
                    AddMarkdownRow(trimmed, index, rows, diagnostics, lines[index]);
                }

                continue;
            }

            if (goldSrc && TryGoldSrcRow(trimmed, out ConsoleEntry? old))
            {
                rows.Add((old!, index));
                continue;
            }

            foreach (string row in SplitGluedRows(line))
            {
                if (TryParseRow(row, sourceTwo, out ConsoleEntry? entry))
                {
                    rows.Add((entry!, index));
                }
                else
                {
                    diagnostics.Add(new SchemaDiagnostic(
                        SchemaDiagnosticKind.UnreadableLine,
                        $"not a cvarlist row (expected 'name : value : flags : description'): {Shorten(row.Trim())}",
                        index,
                        0,
                        lines[index].TrimEnd('\r').Length));
                }
            }
        }

        EquatableArray<ConsoleEntry> entries = deduplicate
            ? Deduplicate(rows, diagnostics)
            : rows.Select(row => row.Entry).ToEquatableArray();
        return new ConsoleSchema(entries, Complete: false, diagnostics.ToEquatableArray());
    }

    /// <summary>Parses one <c>name : value : flags : description</c> row; false for anything else.</summary>
    public static bool TryParseRow(string line, bool sourceTwo, out ConsoleEntry? entry)
    {
        entry = null;
        string[] columns = SplitColumns(line);
        if (columns.Length < 3)
        {
            return false;
        }

        string name = columns[0].Trim();
        if (!IsName(name))
        {
            return false;
        }

        string value = columns[1].Trim();
        bool isCommand = value == "cmd";
        string description = columns.Length == 4 ? columns[3].Trim() : string.Empty;
        string[] flags = ParseFlags(columns[2]);
        ConsoleValueType type = sourceTwo ? InferFromSourceTwo(value) : ConsoleValueType.Unknown;
        entry = ConsoleEntry.FromDump(name, isCommand, type, value, null, flags, description);
        return true;
    }

    /// <summary>
    /// The type a Source 2 value shows: <c>true</c>/<c>false</c> are booleans, a decimal is a float, other text is text.
    /// A whole number is left undecided: a float cvar prints 800 for 800.0.
    /// </summary>
    public static ConsoleValueType InferFromSourceTwo(string value)
    {
        if (value == "true" || value == "false")
        {
            return ConsoleValueType.Bool;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return value.IndexOf('.') >= 0 || value.IndexOf('e') >= 0 ? ConsoleValueType.Float : ConsoleValueType.Unknown;
        }

        return ConsoleValueType.String;
    }

    /// <summary>A console name: no white space, no quotes, nothing that would break a command line.</summary>
    public static bool IsName(string name)
    {
        if (name.Length == 0 || name.Length > 128)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (char.IsWhiteSpace(c) || c == '"' || c == ';' || c == ':' || c == '|' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Clean(string line)
    {
        string cleaned = line.TrimEnd('\r');
        if (cleaned.IndexOf('\u001B') >= 0)
        {
            cleaned = AnsiEscape.Replace(cleaned, string.Empty);
        }

        return cleaned.Length > 0 && cleaned[0] == '[' ? ConsolePrefix.Replace(cleaned, string.Empty) : cleaned;
    }

    private static bool IsFrame(string trimmed) =>
        trimmed.Equals("cvar list", StringComparison.OrdinalIgnoreCase)
        || trimmed.StartsWith("------", StringComparison.Ordinal)
        || trimmed.StartsWith("> ", StringComparison.Ordinal)
        || trimmed.StartsWith("CvarList ?", StringComparison.Ordinal)
        || (char.IsDigit(trimmed[0]) && Footer.IsMatch(trimmed));

    private static bool LooksLikeSourceTwo(string[] lines)
    {
        foreach (string raw in lines)
        {
            string[] columns = SplitColumns(Clean(raw));
            if (columns.Length < 3)
            {
                continue;
            }

            string value = columns[1].Trim();
            string flags = columns[2].Trim();
            if (value == "true" || value == "false" || (flags.Length > 0 && flags[0] != ',' && flags.IndexOf('"') < 0))
            {
                return true;
            }

            if (flags.Length > 0)
            {
                return false;
            }
        }

        return false;
    }

    private static string[] SplitColumns(string line)
    {
        // name : value : flags : description — the description may itself contain ':', so split three times at most.
        var columns = new List<string>(4);
        int start = 0;
        for (int i = 0; i < line.Length && columns.Count < 3; i++)
        {
            if (line[i] == ':')
            {
                columns.Add(line.Substring(start, i - start));
                start = i + 1;
            }
        }

        columns.Add(line.Substring(start));
        return columns.ToArray();
    }

    /// <summary>
    /// Splits a line that holds several rows because a newline went missing: the name column is padded to a fixed
    /// width, so the next row starts that width before its first separator.
    /// </summary>
    private static IEnumerable<string> SplitGluedRows(string line)
    {
        int firstSeparator = line.IndexOf(" : ", StringComparison.Ordinal);
        if (firstSeparator <= 0)
        {
            yield return line;
            yield break;
        }

        int width = firstSeparator;
        string rest = line;
        while (true)
        {
            int descriptionStart = NthIndexOf(rest, ':', 3);
            int paddingStart = -1;
            int separator = descriptionStart < 0 ? -1 : FindPaddedSeparator(rest, descriptionStart + 1, out paddingStart);
            int rowStart = separator - width - 1;
            if (separator < 0 || rowStart <= descriptionStart + 1 || !IsName(rest.Substring(rowStart, paddingStart - rowStart).Trim()))
            {
                yield return rest;
                yield break;
            }

            yield return rest.Substring(0, rowStart);
            rest = rest.Substring(rowStart);
        }
    }

    /// <summary>The ':' of the first " : " after <paramref name="start"/> that padding (two or more spaces) precedes, or -1.</summary>
    private static int FindPaddedSeparator(string text, int start, out int paddingStart)
    {
        int at = text.IndexOf("  : ", start, StringComparison.Ordinal);
        paddingStart = at;
        if (at < 0)
        {
            return -1;
        }

        while (paddingStart > start && text[paddingStart - 1] == ' ')
        {
            paddingStart--;
        }

        return at + 2;
    }

    private static int NthIndexOf(string text, char c, int n)
    {
        int index = -1;
        for (int i = 0; i < n; i++)
        {
            index = text.IndexOf(c, index + 1);
            if (index < 0)
            {
                return -1;
            }
        }

        return index;
    }

    private static bool TryGoldSrcRow(string trimmed, out ConsoleEntry? entry)
    {
        // GoldSrc: "name :        value[, flags]" with one separator.
        entry = null;
        int colon = trimmed.IndexOf(" : ", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        string name = trimmed.Substring(0, colon).Trim();
        string rest = trimmed.Substring(colon + 3);
        if (!IsName(name) || rest.IndexOf(':') >= 0)
        {
            return false;
        }

        string[] parts = rest.Split(',');
        string[] flags = new string[parts.Length - 1];
        for (int i = 1; i < parts.Length; i++)
        {
            flags[i - 1] = parts[i].Trim();
        }

        entry = ConsoleEntry.FromDump(name, false, ConsoleValueType.Unknown, parts[0].Trim(), null, flags, string.Empty);
        return true;
    }

    private static void AddMarkdownRow(string trimmed, int index, List<(ConsoleEntry, int)> rows, List<SchemaDiagnostic> diagnostics, string original)
    {
        string[] cells = trimmed.Trim('|').Split(new[] { " | " }, StringSplitOptions.None);
        string name = cells[0].Trim();
        if (cells.Length < 2 || !IsName(name))
        {
            diagnostics.Add(new SchemaDiagnostic(SchemaDiagnosticKind.UnreadableLine, $"a table row with no usable name: {Shorten(trimmed)}", index, 0, original.TrimEnd('\r').Length));
            return;
        }

        var flags = new List<string>();
        foreach (string flag in cells[1].Split(new[] { "<br>" }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (flag.Trim().Length > 0)
            {
                flags.Add(FcvarFlags.FromName(flag.Trim()));
            }
        }

        string description = cells.Length > 2 ? Html(string.Join(" | ", cells, 2, cells.Length - 2).Trim()) : string.Empty;
        string? value = null;
        const string DefaultMarker = "**Default:**";
        if (description.StartsWith(DefaultMarker, StringComparison.Ordinal))
        {
            int end = description.IndexOf("<br>", StringComparison.Ordinal);
            value = (end < 0 ? description.Substring(DefaultMarker.Length) : description.Substring(DefaultMarker.Length, end - DefaultMarker.Length)).Trim();
            description = end < 0 ? string.Empty : description.Substring(end + 4).Trim();
        }

        description = description.Replace("<br>", " ");
        bool isCommand = value is null;
        rows.Add((ConsoleEntry.FromDump(name, isCommand, isCommand ? ConsoleValueType.Unknown : InferFromSourceTwo(value!), value, value, flags, description), index));
    }

    private static string[] ParseFlags(string column)
    {
        var flags = new List<string>();
        foreach (string part in column.Split(','))
        {
            string flag = part.Trim().Trim('"').Trim();
            if (flag.Length > 0)
            {
                flags.Add(flag);
            }
        }

        return flags.ToArray();
    }

    private static EquatableArray<ConsoleEntry> Deduplicate(List<(ConsoleEntry Entry, int Line)> rows, List<SchemaDiagnostic> diagnostics)
    {
        // Several dumps in one file repeat names: the last occurrence wins (the newest capture comes last).
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<ConsoleEntry>();
        int duplicates = 0;
        int firstDuplicateLine = -1;
        foreach ((ConsoleEntry entry, int line) in rows)
        {
            if (byName.TryGetValue(entry.Name, out int at))
            {
                result[at] = entry;
                duplicates++;
                if (firstDuplicateLine < 0)
                {
                    firstDuplicateLine = line;
                }
            }
            else
            {
                byName[entry.Name] = result.Count;
                result.Add(entry);
            }
        }

        if (duplicates > 0)
        {
            string what = duplicates == 1 ? "1 name appears" : $"{duplicates} names appear";
            diagnostics.Add(new SchemaDiagnostic(SchemaDiagnosticKind.DuplicateNames, $"{what} again after an earlier row (several dumps in one file, or a game that registers a name twice)", firstDuplicateLine, 0, 0));
        }

        return result.ToEquatableArray();
    }

    private static string Html(string text) =>
        text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&quot;", "\"").Replace("&#39;", "'").Replace("&amp;", "&");

    private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";
}
