using System.Collections.Generic;

namespace RconTyped.Schema;

/// <summary>A node of the small JSON reader's tree, with the line and column where it starts.</summary>
internal sealed class JsonNode
{
    public JsonNode(JsonNodeKind kind, int line, int column)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    public JsonNodeKind Kind { get; }

    /// <summary>0-based line of the node's first character.</summary>
    public int Line { get; }

    /// <summary>0-based column of the node's first character.</summary>
    public int Column { get; }

    public string? Text { get; set; }

    public double Number { get; set; }

    public bool Boolean { get; set; }

    public List<JsonNode> Items { get; } = new();

    public List<KeyValuePair<string, JsonNode>> Properties { get; } = new();

    public JsonNode? Get(string name)
    {
        foreach (KeyValuePair<string, JsonNode> property in Properties)
        {
            if (property.Key == name)
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>The value as text: strings as they are, numbers and booleans as JSON writes them.</summary>
    public string? AsText() => Kind switch
    {
        JsonNodeKind.String => Text,
        JsonNodeKind.Number => Text,
        JsonNodeKind.Boolean => Boolean ? "true" : "false",
        _ => null,
    };
}
