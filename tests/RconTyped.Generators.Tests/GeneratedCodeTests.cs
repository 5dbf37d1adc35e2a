using Microsoft.CodeAnalysis;
using RconTyped.Schema;

namespace RconTyped.Generators.Tests;

public class GeneratedCodeTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(GeneratorHarness.DataFile("data", "cvarlists")).Order(StringComparer.Ordinal))
        {
            if (!file.EndsWith("SOURCES.md", StringComparison.Ordinal) && !file.EndsWith(".gitattributes", StringComparison.Ordinal))
            {
                data.Add(Path.GetRelativePath(AppContext.BaseDirectory, file));
            }
        }

        foreach (string file in Directory.GetFiles(GeneratorHarness.DataFile("schemas"), "*.rcon.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(AppContext.BaseDirectory, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_dump_and_schema_generates_code_that_compiles_without_a_warning_and_reaches_every_entry(string relativePath)
    {
        string path = GeneratorHarness.DataFile(relativePath);
        string text = File.ReadAllText(path);
        var file = new InMemoryAdditionalText(path, text);

        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.ServerClass($"\"{Path.GetFileName(path)}\"")), file);

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(GeneratorHarness.CompileDiagnostics(output));

        // Every entry the parser reads is a member with its console name on it.
        INamedTypeSymbol type = output.GetTypeByMetadataName("Consumer.S")!;
        var names = type.GetMembers()
            .SelectMany(m => m.GetAttributes())
            .Where(a => a.AttributeClass?.Name is "RconVariableAttribute" or "RconCommandAttribute")
            .Select(a => (string)a.ConstructorArguments[0].Value!)
            .ToHashSet(StringComparer.Ordinal);
        ConsoleSchema schema = SchemaFileParser.Parse(text);
        Assert.True(schema.Entries.Count > 0);
        Assert.All(schema.Entries, entry => Assert.Contains(entry.Name, names));
        Assert.Equal(schema.Entries.Count, names.Count);
    }
}
