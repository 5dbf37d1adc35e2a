using System.Collections.Generic;
using System.Globalization;

namespace RconTyped.Schema;

/// <summary>
/// Reads the <c>*.rcon.json</c> schema format (described by schemas/rcon-schema.schema.json) and JSON cvar
/// databases (<c>{"Cvars": [{"name", "default", "flags": bitmask, "help"}]}</c>). Bad entries become diagnostics at
/// their line; the rest is used.
/// </summary>
internal static class RconSchemaJsonParser
{
    public static ConsoleSchema Parse(string text)
    {
        var diagnostics = new List<SchemaDiagnostic>();
        JsonNode root;
        try
        {
            root = JsonReader.Parse(text);
        }
        catch (JsonSyntaxException e)
        {
            diagnostics.Add(new SchemaDiagnostic(SchemaDiagnosticKind.InvalidJson, e.Message, e.Line, e.Column, 1));
            return new ConsoleSchema(EquatableArray<ConsoleEntry>.Empty, false, diagnostics.ToEquatableArray());
        }

        if (root.Kind != JsonNodeKind.Object)
        {
            diagnostics.Add(new SchemaDiagnostic(SchemaDiagnosticKind.InvalidJson, "a schema is a JSON object with \"cvars\" and \"commands\" arrays", root.Line, root.Column, 1));
            return new ConsoleSchema(EquatableArray<ConsoleEntry>.Empty, false, diagnostics.ToEquatableArray());
        }

        var entries = new List<ConsoleEntry>();
        if (root.Get("Cvars") is { Kind: JsonNodeKind.Array } database)
        {
            foreach (JsonNode item in database.Items)
            {
                ReadDatabaseEntry(item, entries, diagnostics);
            }
        }
        else
        {
            if (root.Get("cvars") is { } cvars)
            {
                foreach (JsonNode item in ExpectArray(cvars, "cvars", diagnostics))
                {
                    ReadCvar(item, entries, diagnostics);
                }
            }

            if (root.Get("commands") is { } commands)
            {
                foreach (JsonNode item in ExpectArray(commands, "commands", diagnostics))
                {
                    ReadCommand(item, entries, diagnostics);
                }
            }
        }

        bool complete = root.Get("complete") is { Kind: JsonNodeKind.Boolean, Boolean: true };
        return new ConsoleSchema(entries.ToEquatableArray(), complete, diagnostics.ToEquatableArray());
    }

    private static IEnumerable<JsonNode> ExpectArray(JsonNode node, string name, List<SchemaDiagnostic> diagnostics)
    {
        if (node.Kind == JsonNodeKind.Array)
        {
            return node.Items;
        }

        diagnostics.Add(new SchemaDiagnostic(SchemaDiagnosticKind.InvalidEntry, $"\"{name}\" must be an array.", node.Line, node.Column, 1));
        return new JsonNode[0];
    }

    private static void ReadCvar(JsonNode item, List<ConsoleEntry> entries, List<SchemaDiagnostic> diagnostics)
    {
        if (!TryName(item, diagnostics, out string name))
        {
            return;
        }

        string typeText = item.Get("type")?.AsText() ?? "unknown";
        if (!TryParseType(typeText, out ConsoleValueType type))
        {
            diagnostics.Add(Error(item.Get("type") ?? item, $"Unknown type \"{typeText}\" for cvar \"{name}\"; use bool, int, float, string or enum. The cvar is typed RconValue."));
            type = ConsoleValueType.Unknown;
        }

        var enumValues = new List<EnumMember>();
        if (type == ConsoleValueType.Enum)
        {
            foreach (JsonNode value in item.Get("values")?.Items ?? new List<JsonNode>())
            {
                string? memberName = value.Get("name")?.AsText();
                string? memberValue = value.Get("value")?.AsText();
                if (memberName is null || memberValue is null || !long.TryParse(memberValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out long number))
                {
                    diagnostics.Add(Error(value, $"An enum value of \"{name}\" needs a \"name\" and an integer \"value\"."));
                    continue;
                }

                enumValues.Add(new EnumMember(memberName, number, value.Get("description")?.AsText() ?? string.Empty));
            }

            if (enumValues.Count == 0)
            {
                diagnostics.Add(Error(item, $"The enum cvar \"{name}\" has no usable \"values\"; it is typed int."));
                type = ConsoleValueType.Int;
            }
        }

        double? min = Number(item, "min", name, diagnostics);
        double? max = Number(item, "max", name, diagnostics);
        if (min is not null && max is not null && min > max)
        {
            diagnostics.Add(Error(item, $"\"{name}\" has min {min} above max {max}; the bounds are ignored."));
            min = max = null;
        }

        string? defaultValue = item.Get("default")?.AsText();
        entries.Add(new ConsoleEntry(name, false, type, defaultValue, defaultValue, min, max, Flags(item), item.Get("description")?.AsText() ?? string.Empty, EquatableArray<CommandParameter>.Empty, enumValues.ToEquatableArray(), false));
    }

    private static void ReadCommand(JsonNode item, List<ConsoleEntry> entries, List<SchemaDiagnostic> diagnostics)
    {
        if (!TryName(item, diagnostics, out string name))
        {
            return;
        }

        var parameters = new List<CommandParameter>();
        JsonNode? list = item.Get("parameters");
        bool sawOptional = false;
        foreach (JsonNode parameter in list?.Items ?? new List<JsonNode>())
        {
            string? parameterName = parameter.Get("name")?.AsText();
            string typeText = parameter.Get("type")?.AsText() ?? "string";
            bool optional = parameter.Get("optional") is { Kind: JsonNodeKind.Boolean, Boolean: true };
            bool rest = parameter.Get("rest") is { Kind: JsonNodeKind.Boolean, Boolean: true };
            if (parameterName is null || parameterName.Length == 0)
            {
                diagnostics.Add(Error(parameter, $"A parameter of the command \"{name}\" has no \"name\"."));
                continue;
            }

            if (!TryParseType(typeText, out ConsoleValueType type) || type == ConsoleValueType.Enum)
            {
                diagnostics.Add(Error(parameter, $"Parameter \"{parameterName}\" of \"{name}\" has type \"{typeText}\"; parameters take bool, int, float or string. It is typed string."));
                type = ConsoleValueType.String;
            }

            if (sawOptional && !optional)
            {
                diagnostics.Add(Error(parameter, $"Parameter \"{parameterName}\" of \"{name}\" follows an optional one, so it is made optional too."));
                optional = true;
            }

            if (rest && parameters.Count != (list!.Items.Count - 1))
            {
                diagnostics.Add(Error(parameter, $"Only the last parameter of \"{name}\" may take the rest of the line; \"{parameterName}\" does not."));
                rest = false;
            }

            sawOptional |= optional;
            parameters.Add(new CommandParameter(parameterName, type == ConsoleValueType.Unknown ? ConsoleValueType.String : type, optional, rest));
        }

        AnswerShape? answer = item.Get("answer") is { } shape ? AnswerShapeReader.Read(shape, name, diagnostics) : null;
        entries.Add(new ConsoleEntry(name, true, ConsoleValueType.Unknown, null, null, null, null, Flags(item), item.Get("description")?.AsText() ?? string.Empty, parameters.ToEquatableArray(), EquatableArray<EnumMember>.Empty, HasParameterList: list is not null, answer));
    }

    private static void ReadDatabaseEntry(JsonNode item, List<ConsoleEntry> entries, List<SchemaDiagnostic> diagnostics)
    {
        if (!TryName(item, diagnostics, out string name))
        {
            return;
        }

        string? defaultValue = item.Get("default")?.AsText();
        long mask = item.Get("flags") is { Kind: JsonNodeKind.Number } flags ? (long)flags.Number : 0;
        EquatableArray<string> flagNames = FcvarFlags.FromBitmask(mask).ToEquatableArray();
        string help = item.Get("help")?.AsText() ?? string.Empty;
        if (defaultValue == "cmd")
        {
            entries.Add(ConsoleEntry.FromDump(name, true, ConsoleValueType.Unknown, null, null, flagNames, help));
            return;
        }

        // A database records the default as the engine holds it (text, not forced to a number): text is text,
        // a decimal is a float, a whole number stays undecided.
        ConsoleValueType type = defaultValue is null ? ConsoleValueType.Unknown : ConsoleListParser.InferFromSourceTwo(defaultValue);
        if (type == ConsoleValueType.Bool)
        {
            type = ConsoleValueType.String;
        }

        entries.Add(ConsoleEntry.FromDump(name, false, type, defaultValue, defaultValue, flagNames, help));
    }

    private static bool TryName(JsonNode item, List<SchemaDiagnostic> diagnostics, out string name)
    {
        name = item.Get("name")?.AsText() ?? string.Empty;
        if (item.Kind == JsonNodeKind.Object && ConsoleListParser.IsName(name))
        {
            return true;
        }

        diagnostics.Add(Error(item, name.Length == 0
            ? "An entry has no \"name\"; it is skipped."
            : $"\"{name}\" is not a console name (no spaces, quotes, ';' or ':'); it is skipped."));
        return false;
    }

    private static double? Number(JsonNode item, string property, string name, List<SchemaDiagnostic> diagnostics)
    {
        JsonNode? node = item.Get(property);
        if (node is null || node.Kind == JsonNodeKind.Null)
        {
            return null;
        }

        if (node.Kind == JsonNodeKind.Number)
        {
            return node.Number;
        }

        diagnostics.Add(Error(node, $"\"{property}\" of \"{name}\" must be a number; it is ignored."));
        return null;
    }

    private static EquatableArray<string> Flags(JsonNode item)
    {
        var flags = new List<string>();
        foreach (JsonNode flag in item.Get("flags")?.Items ?? new List<JsonNode>())
        {
            if (flag.AsText() is { Length: > 0 } text)
            {
                flags.Add(text);
            }
        }

        return flags.ToEquatableArray();
    }

    private static bool TryParseType(string text, out ConsoleValueType type)
    {
        switch (text)
        {
            case "bool": type = ConsoleValueType.Bool; return true;
            case "int": type = ConsoleValueType.Int; return true;
            case "float": type = ConsoleValueType.Float; return true;
            case "string": type = ConsoleValueType.String; return true;
            case "enum": type = ConsoleValueType.Enum; return true;
            case "unknown": type = ConsoleValueType.Unknown; return true;
            default: type = ConsoleValueType.Unknown; return false;
        }
    }

    private static SchemaDiagnostic Error(JsonNode node, string message) => new(SchemaDiagnosticKind.InvalidEntry, message, node.Line, node.Column, 1);
}
