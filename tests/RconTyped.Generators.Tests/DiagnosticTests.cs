using Microsoft.CodeAnalysis;
using RconTyped.Schema;

namespace RconTyped.Generators.Tests;

public class DiagnosticTests
{
    [Fact]
    public void A_missing_file_is_RCON105_at_the_attribute_and_the_class_still_compiles()
    {
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.ServerClass("\"nowhere.rcon.json\"")));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("RCON105", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("<AdditionalFiles Include=\"nowhere.rcon.json\" />", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        // The class still gets its constructors, so the one error is RCON105 and nothing cascades from it.
        Assert.Equal(2, output.SyntaxTrees.Count());
        Assert.Empty(GeneratorHarness.CompileDiagnostics(output));
    }

    [Theory]
    [InlineData("public", "must be declared partial")]
    [InlineData("public partial", null)]
    public void The_class_must_be_partial(string modifiers, string? message)
    {
        var file = new InMemoryAdditionalText("/p/s.rcon.json", """{ "cvars": [ { "name": "sv_cheats", "type": "bool" } ] }""");
        var (_, _, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.ServerClass("\"s.rcon.json\"", modifiers: modifiers)), file);

        if (message is null)
        {
            Assert.Empty(diagnostics);
            return;
        }

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("RCON106", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_that_does_not_derive_from_RconServer_is_RCON106()
    {
        const string Source = """
            using RconTyped;
            [RconSchema("s.rcon.json")]
            public partial class NotAServer { }
            """;
        var file = new InMemoryAdditionalText("/p/s.rcon.json", """{ "cvars": [] }""");
        var (_, _, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(Source), file);

        Assert.Equal("RCON106", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Invalid_json_is_RCON103_at_its_line_in_the_schema_file()
    {
        const string Json = "{\n  \"cvars\": [\n    { \"name\": \"sv_cheats\" \"type\": \"bool\" }\n  ]\n}";
        var file = new InMemoryAdditionalText("/p/bad.rcon.json", Json);
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.ServerClass("\"bad.rcon.json\"")), file);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("RCON103", diagnostic.Id);
        Assert.Equal("/p/bad.rcon.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("Expected ',' or '}'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.CompileDiagnostics(output));
    }

    [Fact]
    public void Unreadable_dump_lines_are_RCON101_at_their_line_and_the_rest_is_generated()
    {
        const string Dump = "cvar list\n--------------\nsv_cheats : 0 : , \"nf\" : Allow cheats\nL 11/24/2026 - 12:00:00: rcon from \"1.2.3.4\"\nhostname : 0 : : Hostname\n";
        var file = new InMemoryAdditionalText("/p/s.txt", Dump);
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.ServerClass("\"s.txt\"")), file);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("RCON101", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        INamedTypeSymbol type = output.GetTypeByMetadataName("Consumer.S")!;
        Assert.NotEmpty(type.GetMembers("SvCheats"));
        Assert.NotEmpty(type.GetMembers("Hostname"));
    }

    [Fact]
    public void Bad_schema_entries_are_RCON104_and_skipped_or_softened()
    {
        const string Json = """
            {
              "cvars": [
                { "name": "has space", "type": "int" },
                { "name": "sv_weird", "type": "decimal" },
                { "name": "sv_bounds", "type": "int", "min": 10, "max": 1 }
              ],
              "commands": [ { "name": "kick", "parameters": [ { "name": "who", "rest": true }, { "name": "why" } ] } ]
            }
            """;
        var file = new InMemoryAdditionalText("/p/s.rcon.json", Json);
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.ServerClass("\"s.rcon.json\"")), file);

        Assert.Equal(4, diagnostics.Count(d => d.Id == "RCON104"));
        Assert.Equal([2, 3, 4, 6], diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line).Order().ToArray());
        Assert.Empty(GeneratorHarness.CompileDiagnostics(output));
        INamedTypeSymbol type = output.GetTypeByMetadataName("Consumer.S")!;
        Assert.NotEmpty(type.GetMembers("SvWeird"));
        Assert.NotEmpty(type.GetMembers("KickAsync"));
    }

    [Fact]
    public void An_empty_file_is_RCON107()
    {
        var file = new InMemoryAdditionalText("/p/empty.txt", "nothing to see here\n");
        var (_, _, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.ServerClass("\"empty.txt\"")), file);

        Assert.Contains(diagnostics, d => d.Id == "RCON107");
    }

    [Fact]
    public void Each_kind_has_its_own_descriptor_whose_id_is_the_kinds_number_and_whose_format_frames_the_detail()
    {
        SchemaDiagnosticKind[] kinds = Enum.GetValues<SchemaDiagnosticKind>();
        DiagnosticDescriptor[] descriptors = [.. kinds.Select(RconTyped.Generators.DiagnosticDescriptors.For)];

        Assert.Equal(kinds.Select(k => "RCON" + (int)k), descriptors.Select(d => d.Id));
        Assert.Equal(kinds.Length, descriptors.Distinct().Count());
        Assert.All(descriptors, d => Assert.NotEqual("{0}", d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(descriptors, d => Assert.Contains("{0}", d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public void A_kind_without_a_descriptor_is_a_bug_not_an_RCON107()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RconTyped.Generators.DiagnosticDescriptors.For((SchemaDiagnosticKind)199));
    }

    [Fact]
    public void A_description_holding_the_version_placeholder_is_emitted_as_written()
    {
        var file = new InMemoryAdditionalText("/p/s.rcon.json", """{ "cvars": [ { "name": "sv_tag", "type": "string", "description": "Shown as %VERSION% in the browser" } ] }""");
        var (driver, output, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.ServerClass("\"s.rcon.json\"")), file);

        string source = Assert.Single(driver.GetRunResult().GeneratedTrees).ToString();
        Assert.Contains("Shown as %VERSION% in the browser", source, StringComparison.Ordinal);
        Assert.DoesNotContain("\"%VERSION%\")]", source, StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.CompileDiagnostics(output));
    }
}
