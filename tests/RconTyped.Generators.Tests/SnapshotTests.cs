namespace RconTyped.Generators.Tests;

/// <summary>
/// The generated source for small inputs, compared with committed files under Snapshots/. To accept a change,
/// run the tests with RCONTYPED_UPDATE_SNAPSHOTS=1: the files are rewritten, and git shows the difference.
/// </summary>
public class SnapshotTests
{
    [Theory]
    [InlineData("sample.rcon.json")]
    [InlineData("names.cvarlist.txt")]
    [InlineData("answers.rcon.json")]
    public void Generated_source_matches_the_committed_snapshot(string input)
    {
        string text = File.ReadAllText(GeneratorHarness.DataFile("Snapshots", "Inputs", input));
        var (driver, output, diagnostics) = GeneratorHarness.Run(
            GeneratorHarness.Compilation(GeneratorHarness.ServerClass($"\"{input}\"", name: "Snapshot")),
            new InMemoryAdditionalText("/project/" + input, text));
        string generated = driver.GetRunResult().Results.Single().GeneratedSources.Single().SourceText.ToString()
            .Replace(typeof(RconSchemaGenerator).Assembly.GetName().Version!.ToString(), "%VERSION%", StringComparison.Ordinal);

        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorHarness.CompileDiagnostics(output));
        string snapshot = Repository.Path("tests", "RconTyped.Generators.Tests", "Snapshots", input + ".g.cs.txt");
        if (Environment.GetEnvironmentVariable("RCONTYPED_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(snapshot, generated);
        }

        Assert.True(File.Exists(snapshot), $"No snapshot at {snapshot}: run the tests with RCONTYPED_UPDATE_SNAPSHOTS=1 to write it.");
        Assert.Equal(File.ReadAllText(snapshot).ReplaceLineEndings("\n"), generated.ReplaceLineEndings("\n"));
    }
}
