using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using RconTyped.CodeFixes;
using RconTyped.Generators.Analyzers;

namespace RconTyped.CodeFixes.Tests;

/// <summary>Runs the analyzer and the code fix on sources that use a server type shaped like generated code.</summary>
internal static class Verify
{
    /// <summary>A server type as the generator writes it (members with console names, bounds, typed parameters).</summary>
    public const string Server = """
        using System.Threading;
        using System.Threading.Tasks;
        using RconTyped;

        [RconSchemaComplete]
        public partial class GameServer : RconServer
        {
            public GameServer(RconClient client) : base(client) { }

            [RconVariable("maxplayers", Min = 1d, Max = 64d)]
            public RconVariable<int> Maxplayers => new RconVariable<int>(this, "maxplayers", RconValueConverters.Int32, null, 1d, 64d);

            [RconVariable("sv_cheats", Flags = "nf,rep")]
            public RconVariable<bool> SvCheats => new RconVariable<bool>(this, "sv_cheats", RconValueConverters.Boolean);

            [RconVariable("sv_gravity")]
            public RconVariable<double> SvGravity => new RconVariable<double>(this, "sv_gravity", RconValueConverters.Double);

            [RconVariable("hostname")]
            public RconVariable<string> Hostname => new RconVariable<string>(this, "hostname", RconValueConverters.String);

            [RconCommand("changelevel")]
            public Task<string> ChangelevelAsync(string map, string? landmark = null, CancellationToken cancellationToken = default) => InvokeCommandAsync("changelevel", new string?[] { map, landmark }, cancellationToken);

            public sealed class UsersAnswer
            {
                public static UsersAnswer Parse(string text) => new UsersAnswer();
            }

            [RconCommand("users")]
            public Task<UsersAnswer> UsersAsync(CancellationToken cancellationToken = default) => InvokeCommandAsync("users", new string?[] { }, UsersAnswer.Parse, cancellationToken);

            [RconCommand("kick")]
            public Task<string> KickAsync(params string[] args) => InvokeCommandAsync("kick", args, default);

            public Task<string> KickAsync(CancellationToken cancellationToken, params string[] args) => InvokeCommandAsync("kick", args, cancellationToken);
        }
        """;

    public static async Task FixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = Create(source, expected);
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add(Server);
        await test.RunAsync();
    }

    /// <summary>The diagnostics, and that no fix changes the code.</summary>
    public static async Task NoFixAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Create(source, expected);
        test.FixedState.Sources.Add(source);
        test.FixedState.Sources.Add(Server);
        await test.RunAsync();
    }

    public static async Task DiagnosticsAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = Create(source, expected);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
            test.DisabledDiagnostics.Clear();
        }

        test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck;
        await test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(string id) => new(id, id == "RCON003" ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning);

    private static CSharpCodeFixTest<RawCommandAnalyzer, UseTypedEquivalentCodeFix, DefaultVerifier> Create(string source, DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixTest<RawCommandAnalyzer, UseTypedEquivalentCodeFix, DefaultVerifier>
        {
            // Hermetic references: nothing is downloaded while tests run.
            ReferenceAssemblies = new ReferenceAssemblies(string.Empty),
        };
        test.TestState.AdditionalReferences.AddRange(Net100.References.All);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(RconClient).Assembly.Location));
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(Server);
        test.ExpectedDiagnostics.AddRange(expected);

        // The test framework reports rules that are off by default; RCON003 is, so it is left out unless a test enables it.
        test.DisabledDiagnostics.Add("RCON003");
        return test;
    }
}
