using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RconTyped.Generators.Tests.TypedServers;
using RconTyped.Testing;

namespace RconTyped.Generators.Tests;

/// <summary>Answers declared in schemas: the curated users/maps/stats against the emulator and real data, and hand-written shapes.</summary>
public class AnswerTests
{
    [Fact]
    public async Task Users_maps_and_stats_return_their_typed_answers_from_the_emulator()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await EmulatorConnection.ConnectAsync(server);
        var typed = new Tf2Server(client);

        Tf2Server.UsersAnswer users = await typed.UsersAsync().WaitAsync(EmulatorConnection.Guard);
        Tf2Server.MapsAnswer maps = await typed.MapsAsync("de_").WaitAsync(EmulatorConnection.Guard);
        Tf2Server.StatsAnswer stats = await typed.StatsAsync().WaitAsync(EmulatorConnection.Guard);

        Assert.Equal(3, users.Count);
        Assert.Equal(["Gordon", "Ärger ☆ Ümlaut", "Bot01"], users.Rows.Select(r => r.Name));
        Assert.Equal([2, 3, 4], users.Rows.Select(r => r.UserId));
        Assert.Equal([0, 1, 2], users.Rows.Select(r => r.Slot));
        Assert.Equal(["de_dust2", "de_inferno", "de_mirage"], maps.Rows.Select(r => r.Map));
        Assert.All(maps.Rows, r => Assert.Equal("fs", r.Origin));
        Assert.Equal(2, stats.Players);
        Assert.Equal(66.67, stats.Fps);
        Assert.Empty(users.UnparsedLines);
        Assert.Empty(maps.UnparsedLines);
        Assert.Empty(stats.UnparsedLines);
        Assert.Contains("maps de_", server.Console.ExecutedCommands);
    }

    [Theory]
    [InlineData("csgo-991jo-linuxgsm.stats.txt", 10.0, 64.07, 46732, 1, null, 0.03)]
    [InlineData("css-991jo-linuxgsm.stats.txt", 0.0, 66.55, 2, 0, 0, null)]
    [InlineData("fof-991jo-linuxgsm.stats.txt", 0.0, 66.64, 8, 0, 0, null)]
    [InlineData("gmod-991jo-linuxgsm.stats.txt", 33.0, 66.07, 1, 0, 0, null)]
    [InlineData("hl2dm-991jo-linuxgsm.stats.txt", 0.0, 66.70, 0, 0, 0, null)]
    [InlineData("tf2-991jo-linuxgsm.stats.txt", 0.0, 66.67, 0, 0, 0, null)]
    public void The_stats_answer_reads_both_real_layouts(string file, double cpu, double fps, int uptime, int mapChanges, int? connects, double? tick)
    {
        string text = File.ReadAllText(Repository.Path("tests", "data", "status", file));

        Tf2Server.StatsAnswer stats = Tf2Server.StatsAnswer.Parse(text);

        Assert.Equal(cpu, stats.Cpu);
        Assert.Equal(fps, stats.Fps);
        Assert.Equal(uptime, stats.Uptime);
        Assert.Equal(mapChanges, stats.MapChanges);
        Assert.Equal(0, stats.Players);
        Assert.Equal(connects, stats.Connects);
        Assert.Equal(tick, stats.Tick);
        Assert.Empty(stats.UnparsedLines);
        Assert.Equal(text, stats.Text);
    }

    [Fact]
    public void A_declared_answer_reads_lines_rows_and_typed_groups_and_keeps_what_it_cannot_read()
    {
        const string Text = "Round 3 of 12\nWarmup: false\n-----\nAlyx Vance   [U:1:29162964]  14  12:31\nBroken row  not-a-steam-id  1  00:01\n\nBarney STEAM_0:1:7 -2 1:02:03\n";

        AnswersServer.ScoresAnswer scores = AnswersServer.ScoresAnswer.Parse(Text);

        Assert.Equal((3, 12, false), (scores.Round, scores.Rounds, scores.Warmup));
        Assert.Equal(2, scores.Rows.Count);
        Assert.Equal(new AnswersServer.ScoresAnswer.Row("Alyx Vance", SteamId.Parse("[U:1:29162964]"), 14, new TimeSpan(0, 12, 31)), scores.Rows[0]);
        Assert.Equal(-2, scores.Rows[1].Kills);
        Assert.Equal(new TimeSpan(1, 2, 3), scores.Rows[1].Time);
        Assert.Equal(["Broken row  not-a-steam-id  1  00:01"], scores.UnparsedLines);
    }

    [Fact]
    public async Task A_free_argument_command_with_an_answer_returns_it_typed()
    {
        await using var server = EmulatedServer.Start();
        server.Console.AddCommand("sm", args => string.Join(' ', args) == "plugins list"
            ? "[SM] Listing 2 plugins:\n  01 \"Admin File Reader\" (1.12.0.7038) by AlliedModders LLC\n  02 <Failed> \"Broken\"\n"
            : "[SM] Usage: sm <command>\n");
        await using RconClient client = await EmulatorConnection.ConnectAsync(server);
        var typed = new AnswersServer(client);

        AnswersServer.SmAnswer plugins = await typed.SmAsync("plugins", "list").WaitAsync(EmulatorConnection.Guard);

        Assert.Equal(2, plugins.Count);
        Assert.Equal(new AnswersServer.SmAnswer.Row(1, string.Empty, "Admin File Reader", "1.12.0.7038", "AlliedModders LLC"), plugins.Rows[0]);
        Assert.Equal(new AnswersServer.SmAnswer.Row(2, "Failed", "Broken", string.Empty, string.Empty), plugins.Rows[1]);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(1_000_000)]
    public void Hostile_answers_never_throw_and_long_lines_stay_unparsed(int length)
    {
        string nested = new string('(', length);
        string text = $"{nested}\n{new string('1', length)} users\n0:1:\"{new string('"', length)}\"\n";

        Tf2Server.UsersAnswer users = Tf2Server.UsersAnswer.Parse(text);

        Assert.Null(users.Count);
        Assert.Empty(users.Rows);
        Assert.Equal(3, users.UnparsedLines.Count);
    }

    [Fact]
    public void A_bad_pattern_is_RCON108_at_its_line_and_the_command_answers_text()
    {
        const string Json = "{\n  \"commands\": [\n    { \"name\": \"scores\", \"answer\": {\n      \"row\": \"^(?<player>.+\"\n    } }\n  ]\n}";
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.ServerClass("\"bad.rcon.json\"")), new InMemoryAdditionalText("/p/bad.rcon.json", Json));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("RCON108", diagnostic.Id);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("not a valid regular expression", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.CompileDiagnostics(output).Select(d => d.ToString()));
        Assert.Contains("public __Answer ScoresAsync(params string[] args)", Generated(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"kills\": \"integer\"", "has type \"integer\"")]
    [InlineData("\"deaths\": \"int\"", "no pattern has a group (?<deaths>")]
    public void An_unknown_type_or_a_type_without_a_group_is_RCON109_at_its_line(string types, string message)
    {
        string json = "{\n  \"commands\": [\n    { \"name\": \"scores\", \"answer\": {\n      \"row\": \"^(?<player>\\\\S+) (?<kills>\\\\d+)$\",\n      \"types\": { " + types + " }\n    } }\n  ]\n}";
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.ServerClass("\"t.rcon.json\"")), new InMemoryAdditionalText("/p/t.rcon.json", json));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("RCON109", diagnostic.Id);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.CompileDiagnostics(output).Select(d => d.ToString()));
        Assert.Contains("public sealed record Row(string Player, string Kills)", Generated(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"answer\": \"text\"", "RCON109", "must be an object")]
    [InlineData("\"answer\": { \"types\": {} }", "RCON109", "neither \"lines\" nor a \"row\"")]
    [InlineData("\"answer\": { \"row\": \"^(?<_hidden>\\\\d+)$\" }", "RCON108", "must start with a letter")]
    [InlineData("\"answer\": { \"lines\": [ 42 ] }", "RCON108", "must be a non-empty string")]
    public void An_answer_that_cannot_be_used_is_a_diagnostic_and_the_command_answers_text(string answer, string id, string message)
    {
        string json = "{\n  \"commands\": [\n    { \"name\": \"scores\", " + answer + " }\n  ]\n}";
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.ServerClass("\"a.rcon.json\"")), new InMemoryAdditionalText("/p/a.rcon.json", json));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(message, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.CompileDiagnostics(output).Select(d => d.ToString()));
        Assert.Contains("public __Answer ScoresAsync(params string[] args)", Generated(output), StringComparison.Ordinal);
    }

    [Fact]
    public void An_edit_to_an_unrelated_file_leaves_a_model_with_answers_cached()
    {
        string json = File.ReadAllText(GeneratorHarness.DataFile("Snapshots", "Inputs", "answers.rcon.json"));
        CSharpCompilation compilation = GeneratorHarness.Compilation(GeneratorHarness.ServerClass("\"answers.rcon.json\""), "namespace Other; public class Unrelated { }");
        var (driver, _, _) = GeneratorHarness.Run(compilation, new InMemoryAdditionalText("/project/answers.rcon.json", json));

        SyntaxTree unrelated = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(
            unrelated,
            CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { public int Added => 1; }", GeneratorHarness.ParseOptions, path: unrelated.FilePath));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.All(second.TrackedSteps[TrackingNames.Model].SelectMany(step => step.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"the model was rebuilt: {output.Reason}"));
        Assert.All(second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output step ran again: {output.Reason}"));
    }

    private static string Generated(Compilation output) => output.SyntaxTrees.Last().ToString();
}
