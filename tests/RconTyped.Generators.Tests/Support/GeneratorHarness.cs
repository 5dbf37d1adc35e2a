using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RconTyped.Generators.Tests;

/// <summary>Runs the generator on in-memory sources and files, the way the compiler does.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(RconClient).Assembly.Location)];

    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "GeneratorTest",
        sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    public static GeneratorDriver Driver(params AdditionalText[] files) => CSharpGeneratorDriver.Create(
        [new RconSchemaGenerator().AsSourceGenerator()],
        files,
        ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs once; returns the driver (for a second run), the output compilation and the generator's diagnostics.</summary>
    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(CSharpCompilation compilation, params AdditionalText[] files)
    {
        GeneratorDriver driver = Driver(files).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return (driver, output, diagnostics);
    }

    /// <summary>Compiler diagnostics of the output (generated code included), warnings and errors.</summary>
    public static IReadOnlyList<Diagnostic> CompileDiagnostics(Compilation output) =>
        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public static string ServerClass(string files, string name = "S", string modifiers = "public partial") =>
        $$"""
        using RconTyped;
        namespace Consumer;
        [RconSchema({{files}})]
        {{modifiers}} class {{name}} : RconServer { }
        """;

    public static string DataFile(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);
}
