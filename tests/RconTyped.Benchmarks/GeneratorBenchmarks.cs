using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RconTyped.Generators;

namespace RconTyped.Benchmarks;

/// <summary>
/// The generator on a 6,000-entry Source 2 dump: a cold run (new driver), and a run after an edit to an
/// unrelated C# file (the driver kept, as the IDE and incremental builds keep it).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int Entries = 6000;
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation[] _edits = null!;
    private AdditionalText _dump = null!;
    private GeneratorDriver _warm = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        // RCON_GENERATOR_DUMP=FILE runs on a real dump instead (under the same AdditionalFiles name).
        _dump = new TextFile("/bench/large.cvarlist.txt", Environment.GetEnvironmentVariable("RCON_GENERATOR_DUMP") is { Length: > 0 } file ? File.ReadAllText(file) : SyntheticDump(Entries));
        ImmutableArray<MetadataReference> references = [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(RconClient).Assembly.Location)];
        const string Server = "using RconTyped; namespace Bench; [RconSchema(\"large.cvarlist.txt\")] public partial class Large : RconServer { }";
        _compilation = CSharpCompilation.Create(
            "Bench",
            [CSharpSyntaxTree.ParseText(Server, ParseOptions, "Server.cs"), Unrelated(0)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _edits = [.. Enumerable.Range(1, 2).Select(i => _compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees.Last(), Unrelated(i)))];
        _warm = NewDriver().RunGenerators(_compilation);
        if (_warm.GetRunResult().Results[0].GeneratedSources.Length != 1)
        {
            throw new InvalidOperationException("The generator produced no source for the benchmark dump.");
        }
    }

    /// <summary>What the driver itself timed for the generator in the setup run (the first, when a fresh process jits it).</summary>
    public TimeSpan FirstRunGeneratorTime => _warm.GetTimingInfo().GeneratorTimes[0].ElapsedTime;

    [Benchmark(Description = "cold: 6,000-entry dump")]
    public int Cold() => NewDriver().RunGenerators(_compilation).GetRunResult().Results[0].GeneratedSources.Length;

    [Benchmark(Description = "after an unrelated edit")]
    public int AfterUnrelatedEdit()
    {
        // Alternate two edited compilations so every run sees a change.
        _warm = _warm.RunGenerators(_edits[_next++ & 1]);
        return _warm.GetRunResult().Results[0].GeneratedSources.Length;
    }

    private GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create([new RconSchemaGenerator().AsSourceGenerator()], [_dump], ParseOptions);

    private static SyntaxTree Unrelated(int version) =>
        CSharpSyntaxTree.ParseText($"namespace Other; public class Unrelated {{ public int Version => {version}; }}", ParseOptions, "Unrelated.cs");

    internal static string SyntheticDump(int count)
    {
        // Source 2 layout, mixed like real dumps: a quarter commands, then booleans, decimals, whole numbers and text.
        var text = new StringBuilder("cvar list\n--------------\n");
        for (int i = 0; i < count; i++)
        {
            string name = $"synthetic_{(i % 37 == 0 ? "cmd" : "var")}_{i.ToString("D5", CultureInfo.InvariantCulture)}";
            string value = (i % 5) switch { 0 => "cmd", 1 => "true", 2 => "0.25", 3 => "64", _ => "some text" };
            text.Append(CultureInfo.InvariantCulture, $"{name,-80} : {value,-16} : {"sv, rep, release",-32} : Synthetic entry number {i} for the generator benchmark.\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"--------------\n{count} total convars/concommands\n");
        return text.ToString();
    }

    private sealed class TextFile(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
