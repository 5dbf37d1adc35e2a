using System.Globalization;
using System.Text;

namespace RconTyped.Schema;

/// <summary>Writes entries in the <c>*.rcon.json</c> format, one entry a line so that diffs between captures stay readable.</summary>
internal static class SchemaJsonWriter
{
    public static string Write(string game, IEnumerable<ConsoleEntry> entries, bool complete)
    {
        List<ConsoleEntry> all = entries.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        var json = new StringBuilder();
        json.Append("{\n");
        json.Append("  \"$schema\": \"./rcon-schema.schema.json\",\n");
        json.Append("  \"game\": ").Append(Quote(game)).Append(",\n");
        json.Append("  \"complete\": ").Append(complete ? "true" : "false").Append(",\n");
        WriteList(json, "cvars", all.Where(e => !e.IsCommand).Select(Cvar).ToList(), last: false);
        WriteList(json, "commands", all.Where(e => e.IsCommand).Select(Command).ToList(), last: true);
        json.Append("}\n");
        return json.ToString();
    }

    private static void WriteList(StringBuilder json, string name, List<string> items, bool last)
    {
        json.Append("  \"").Append(name).Append("\": [");
        for (int i = 0; i < items.Count; i++)
        {
            json.Append(i == 0 ? "\n" : ",\n").Append("    ").Append(items[i]);
        }

        json.Append(items.Count == 0 ? "]" : "\n  ]").Append(last ? "\n" : ",\n");
    }

    private static string Cvar(ConsoleEntry entry)
    {
        var fields = new List<string> { "\"name\": " + Quote(entry.Name) };
        if (entry.Type != ConsoleValueType.Unknown)
        {
            fields.Add("\"type\": " + Quote(entry.Type.ToString().ToLowerInvariant()));
        }

        if (entry.Default is not null)
        {
            fields.Add("\"default\": " + Quote(entry.Default));
        }

        if (entry.Min is { } min)
        {
            fields.Add("\"min\": " + min.ToString("R", CultureInfo.InvariantCulture));
        }

        if (entry.Max is { } max)
        {
            fields.Add("\"max\": " + max.ToString("R", CultureInfo.InvariantCulture));
        }

        if (entry.EnumValues.Count > 0)
        {
            fields.Add("\"values\": [" + string.Join(", ", entry.EnumValues.Select(v =>
                "{ \"name\": " + Quote(v.Name) + ", \"value\": " + v.Value.ToString(CultureInfo.InvariantCulture)
                + (v.Description.Length > 0 ? ", \"description\": " + Quote(v.Description) : string.Empty) + " }")) + "]");
        }

        AddCommon(fields, entry);
        return "{ " + string.Join(", ", fields) + " }";
    }

    private static string Command(ConsoleEntry entry)
    {
        var fields = new List<string> { "\"name\": " + Quote(entry.Name) };
        AddCommon(fields, entry);
        if (entry.HasParameterList)
        {
            fields.Add("\"parameters\": [" + string.Join(", ", entry.Parameters.Select(p =>
                "{ \"name\": " + Quote(p.Name) + ", \"type\": " + Quote(p.Type == ConsoleValueType.Unknown ? "string" : p.Type.ToString().ToLowerInvariant())
                + (p.Optional ? ", \"optional\": true" : string.Empty) + (p.Rest ? ", \"rest\": true" : string.Empty) + " }")) + "]");
        }

        if (entry.Answer is { } answer)
        {
            fields.Add("\"answer\": " + Answer(answer));
        }

        return "{ " + string.Join(", ", fields) + " }";
    }

    /// <summary>An answer shape; string groups are left out of <c>types</c>, which is what reading it back assumes.</summary>
    private static string Answer(AnswerShape answer)
    {
        var parts = new List<string>();
        if (answer.LinePatterns.Count > 0)
        {
            parts.Add("\"lines\": [" + string.Join(", ", answer.LinePatterns.Select(Quote)) + "]");
        }

        if (answer.RowPattern is not null)
        {
            parts.Add("\"row\": " + Quote(answer.RowPattern));
        }

        var typed = answer.Fields.Where(f => f.Type != AnswerFieldTypes.String).Select(f => f.Group).Distinct().ToList();
        if (typed.Count > 0)
        {
            parts.Add("\"types\": { " + string.Join(", ", typed.Select(g => Quote(g) + ": " + Quote(answer.Fields.First(f => f.Group == g).Type))) + " }");
        }

        return "{ " + string.Join(", ", parts) + " }";
    }

    private static void AddCommon(List<string> fields, ConsoleEntry entry)
    {
        if (entry.Flags.Count > 0)
        {
            fields.Add("\"flags\": [" + string.Join(", ", entry.Flags.Select(Quote)) + "]");
        }

        if (entry.Description.Length > 0)
        {
            fields.Add("\"description\": " + Quote(entry.Description));
        }
    }

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
