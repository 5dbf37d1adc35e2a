using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace RconTyped.Schema;

/// <summary>
/// Reads a command's <c>"answer"</c> object. Every pattern is compiled here, so a bad pattern is RCON108 at its line in
/// the schema file, and an unknown type (or a type for a group no pattern has) is RCON109 at its line; the command then
/// keeps its text answer or leaves the field a string.
/// </summary>
internal static class AnswerShapeReader
{
    public static AnswerShape? Read(JsonNode answer, string command, List<SchemaDiagnostic> diagnostics)
    {
        if (answer.Kind != JsonNodeKind.Object)
        {
            diagnostics.Add(new SchemaDiagnostic(SchemaDiagnosticKind.InvalidAnswerType, $"\"answer\" of \"{command}\" must be an object with \"lines\", \"row\" and \"types\"", answer.Line, answer.Column, 1));
            return null;
        }

        var lineGroups = new List<string>();
        var linePatterns = new List<string>();
        bool broken = false;
        foreach (JsonNode pattern in answer.Get("lines")?.Items ?? new List<JsonNode>())
        {
            if (Compile(pattern, command, diagnostics) is { } regex)
            {
                linePatterns.Add(pattern.Text!);
                lineGroups.AddRange(NamedGroups(regex).Where(g => !lineGroups.Contains(g)));
            }
            else
            {
                broken = true;
            }
        }

        string? rowPattern = null;
        var rowGroups = new List<string>();
        if (answer.Get("row") is { } row)
        {
            if (Compile(row, command, diagnostics) is { } regex)
            {
                rowPattern = row.Text;
                rowGroups.AddRange(NamedGroups(regex));
            }
            else
            {
                broken = true;
            }
        }

        if (broken)
        {
            return null;
        }

        if (linePatterns.Count == 0 && rowPattern is null)
        {
            diagnostics.Add(new SchemaDiagnostic(SchemaDiagnosticKind.InvalidAnswerType, $"\"answer\" of \"{command}\" has neither \"lines\" nor a \"row\" pattern", answer.Line, answer.Column, 1));
            return null;
        }

        var types = new Dictionary<string, string>(System.StringComparer.Ordinal);
        if (answer.Get("types") is { } typeList)
        {
            foreach (KeyValuePair<string, JsonNode> declared in typeList.Properties)
            {
                string? type = declared.Value.AsText();
                if (type is null || System.Array.IndexOf(AnswerFieldTypes.All, type) < 0)
                {
                    diagnostics.Add(new SchemaDiagnostic(SchemaDiagnosticKind.InvalidAnswerType, $"Group \"{declared.Key}\" of \"{command}\" has type \"{type}\"; use one of {string.Join(", ", AnswerFieldTypes.All)}. It is read as a string.", declared.Value.Line, declared.Value.Column, 1));
                }
                else if (!lineGroups.Contains(declared.Key) && !rowGroups.Contains(declared.Key))
                {
                    diagnostics.Add(new SchemaDiagnostic(SchemaDiagnosticKind.InvalidAnswerType, $"\"types\" of \"{command}\" names \"{declared.Key}\", but no pattern has a group (?<{declared.Key}>…); the type is ignored.", declared.Value.Line, declared.Value.Column, 1));
                }
                else
                {
                    types[declared.Key] = type;
                }
            }
        }

        var fields = lineGroups.Select(g => new AnswerField(g, TypeOf(g, types), InRow: false))
            .Concat(rowGroups.Select(g => new AnswerField(g, TypeOf(g, types), InRow: true)));
        return new AnswerShape(linePatterns.ToEquatableArray(), rowPattern, fields.ToEquatableArray());
    }

    private static string TypeOf(string group, Dictionary<string, string> types) =>
        types.TryGetValue(group, out string? type) ? type : AnswerFieldTypes.String;

    private static Regex? Compile(JsonNode pattern, string command, List<SchemaDiagnostic> diagnostics)
    {
        if (pattern.Kind != JsonNodeKind.String || string.IsNullOrEmpty(pattern.Text))
        {
            diagnostics.Add(new SchemaDiagnostic(SchemaDiagnosticKind.InvalidAnswerPattern, $"An answer pattern of \"{command}\" must be a non-empty string", pattern.Line, pattern.Column, 1));
            return null;
        }

        try
        {
            var regex = new Regex(pattern.Text, RegexOptions.CultureInvariant);
            string? bad = NamedGroups(regex).FirstOrDefault(g => !IsIdentifierLike(g));
            if (bad is not null)
            {
                diagnostics.Add(new SchemaDiagnostic(SchemaDiagnosticKind.InvalidAnswerPattern, $"Group \"{bad}\" of an answer pattern of \"{command}\" must start with a letter", pattern.Line, pattern.Column, 1));
                return null;
            }

            return regex;
        }
        catch (System.ArgumentException e)
        {
            diagnostics.Add(new SchemaDiagnostic(SchemaDiagnosticKind.InvalidAnswerPattern, $"An answer pattern of \"{command}\" is not a valid regular expression ({e.Message})", pattern.Line, pattern.Column, 1));
            return null;
        }
    }

    /// <summary>The pattern's named groups, in order; the numbered ones are not fields.</summary>
    private static IEnumerable<string> NamedGroups(Regex regex) =>
        regex.GetGroupNames().Where(name => !int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out _));

    private static bool IsIdentifierLike(string name) => name.Length > 0 && char.IsLetter(name[0]);
}
