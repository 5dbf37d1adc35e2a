namespace RconTyped.Tests.Schema;

/// <summary>RconTyped.dll carries only the schema code its own API needs; the rest lives in src/Shared/Schema.</summary>
public class RuntimeSchemaTypesTests
{
    /// <summary>What <c>CvarListParser</c> (and so <c>RconClient.GetConVarsAsync</c>) reads a dump with.</summary>
    private static readonly string[] RuntimeNeeds =
    [
        "AnswerField", "AnswerFieldTypes", "AnswerShape", "CommandParameter", "ConsoleEntry", "ConsoleListParser", "ConsoleSchema",
        "ConsoleValueType", "CvarListParser", "EnumMember", "EquatableArray", "EquatableArray`1", "FcvarFlags", "SchemaDiagnostic", "SchemaDiagnosticKind",
    ];

    /// <summary>Used only by the generator, the command-line tool, the emulator and the tests.</summary>
    private static readonly string[] GeneratorOnly =
    [
        "AnswerShapeReader", "ConsoleLine", "ConsoleSchemaMerger", "JsonNode", "JsonNodeKind", "JsonReader", "JsonSyntaxException",
        "RconSchemaJsonParser", "SchemaFileParser", "SchemaJsonWriter",
    ];

    [Fact]
    public void The_runtime_assembly_has_the_dump_reader_and_none_of_the_generator_only_schema_code()
    {
        string[] schemaTypes = [.. typeof(RconClient).Assembly.GetTypes()
            .Where(t => t.Namespace == "RconTyped.Schema" && !t.IsNested && !t.Name.StartsWith('<'))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)];

        Assert.Equal(RuntimeNeeds.Order(StringComparer.Ordinal), schemaTypes);
        Assert.Empty(schemaTypes.Intersect(GeneratorOnly));
        Assert.DoesNotContain(typeof(RconClient).Assembly.GetTypes(), t => GeneratorOnly.Contains(t.Name));
    }
}
