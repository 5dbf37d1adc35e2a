namespace RconTyped.Schema;

/// <summary>Reads any supported schema or dump file, choosing the format from its content.</summary>
internal static class SchemaFileParser
{
    public static ConsoleSchema Parse(string text)
    {
        string trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return trimmed.StartsWith("{", StringComparison.Ordinal)
            ? RconSchemaJsonParser.Parse(text)
            : ConsoleListParser.Parse(text);
    }
}
