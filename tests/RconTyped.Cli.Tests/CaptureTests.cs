using System.Collections.Immutable;
using System.Text.Json;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RconTyped.Generators;
using RconTyped.Testing;

namespace RconTyped.Cli.Tests;

public class CaptureTests
{
    private static readonly string Tf2Dump = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "cvarlists", "tf2-dgibbs64.cvarlist.txt"));

    [Fact]
    public async Task A_capture_of_a_real_dump_becomes_a_schema_the_generator_compiles()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { CvarList = Tf2Dump });
        string path = TempFile("tf2.rcon.json");

        CliRun run = await CliRun.RunAsync(["capture", $"127.0.0.1:{server.Port}", "--out", path, "--json"], environmentPassword: server.Password);

        Assert.Equal(0, run.ExitCode);
        CaptureSummary summary = JsonSerializer.Deserialize<CaptureSummary>(run.Out)!;
        Assert.Equal(path, summary.File);
        Assert.True(summary.Entries >= 2027, $"{summary.Entries} entries");
        string schema = File.ReadAllText(path);

        var (output, diagnostics) = Generate(schema);
        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        INamedTypeSymbol type = output.GetTypeByMetadataName("Captured")!;
        Assert.NotEmpty(type.GetMembers("SvGravity"));
        Assert.NotEmpty(type.GetMembers("ChangelevelAsync"));
    }

    [Fact]
    public async Task With_help_the_schema_learns_defaults_and_bounds()
    {
        await using var server = EmulatedServer.Start();
        server.Console.Execute("sv_gravity 600");
        string path = TempFile("help.rcon.json");

        CliRun run = await CliRun.RunAsync(["capture", $"127.0.0.1:{server.Port}", "--out", path, "--with-help"], environmentPassword: server.Password);

        Assert.Equal(0, run.ExitCode);
        string schema = File.ReadAllText(path);
        Assert.Contains("{ \"name\": \"maxplayers\", \"default\": \"24\", \"min\": 1, \"max\": 64", schema, StringComparison.Ordinal);
        Assert.Contains("{ \"name\": \"sv_gravity\", \"default\": \"800\"", schema, StringComparison.Ordinal);
        Assert.Contains("{ \"name\": \"hostname\", \"type\": \"string\", \"default\": \"RconTyped emulated server\"", schema, StringComparison.Ordinal);
        Assert.Contains(server.Console.ExecutedCommands, c => c == "help maxplayers");
    }

    [Fact]
    public async Task Raw_writes_the_answer_as_it_came()
    {
        await using var server = EmulatedServer.Start();
        string path = TempFile("server.cvarlist.txt");

        CliRun run = await CliRun.RunAsync(["capture", $"127.0.0.1:{server.Port}", "--out", path, "--raw"], environmentPassword: server.Password);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(server.Console.Execute("cvarlist"), File.ReadAllText(path));
    }

    [Fact]
    public async Task Diff_lists_added_removed_and_changed_entries()
    {
        string before = TempFile("before.txt");
        string after = TempFile("after.txt");
        File.WriteAllText(before, "cvar list\n--------------\nsv_cheats : 0 : , \"nf\" : Allow cheats\nold_cmd : cmd : : Going away\nmp_timelimit : 20 : : Minutes\n");
        File.WriteAllText(after, "cvar list\n--------------\nsv_cheats : 0 : , \"nf\", \"rep\" : Allow cheats\nmp_timelimit : 30 : : Minutes\nnew_cvar : 1 : : Arrived\n");

        CliRun text = await CliRun.RunAsync(["diff", before, after]);
        CliRun json = await CliRun.RunAsync(["diff", before, after, "--json"]);

        Assert.Equal(0, text.ExitCode);
        Assert.Equal("+ new_cvar\n- old_cmd\n~ mp_timelimit: value \"20\" → \"30\"\n~ sv_cheats: flags \"nf\" → \"nf,rep\"\n1 added, 1 removed, 2 changed.\n", text.Out);
        using JsonDocument document = JsonDocument.Parse(json.Out);
        Assert.Equal("new_cvar", document.RootElement.GetProperty("added")[0].GetString());
        Assert.Equal(2, document.RootElement.GetProperty("changed").GetArrayLength());
    }

    private static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Generate(string schema)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Capture",
            [CSharpSyntaxTree.ParseText("using RconTyped; [RconSchema(\"captured.rcon.json\")] public partial class Captured : RconServer { }")],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(RconClient).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new RconSchemaGenerator().AsSourceGenerator()], [new SchemaText("/p/captured.rcon.json", schema)]);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return (output, diagnostics);
    }

    private static string TempFile(string name)
    {
        string directory = Path.Combine(Path.GetTempPath(), "rcon-typed-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    private sealed class SchemaText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
