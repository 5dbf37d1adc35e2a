using RconTyped.Schema;

namespace RconTyped.Generators.Tests;

/// <summary>
/// schemas/tf2.rcon.json and schemas/cs2.rcon.json are built, not hand-edited: a real dump, refined where it
/// overlaps by schemas/source-common.rcon.json, then by the game's hand-written overlay in schemas/overlays/.
/// This test rebuilds them and compares; run it with RCONTYPED_UPDATE_SCHEMAS=1 to rewrite them.
/// </summary>
public class CuratedSchemaTests
{
    [Theory]
    [InlineData("tf2", "tf2-dgibbs64.cvarlist.txt", "Team Fortress 2 (from a dedicated server's cvarlist, 2025-08-14)")]
    [InlineData("cs2", "cs2-dgibbs64.cvarlist.txt", "Counter-Strike 2 (from a dedicated server's cvarlist, 2023-12-07)")]
    public void The_curated_schema_is_what_the_dump_common_schema_and_overlay_give(string game, string dump, string title)
    {
        string built = Build(dump, game, title);
        string path = Repository.Path("schemas", game + ".rcon.json");
        if (Environment.GetEnvironmentVariable("RCONTYPED_UPDATE_SCHEMAS") == "1")
        {
            File.WriteAllText(path, built);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with RCONTYPED_UPDATE_SCHEMAS=1.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), built);

        ConsoleSchema reread = RconSchemaJsonParser.Parse(built);
        Assert.Empty(reread.Diagnostics);
        Assert.Equal(ConsoleListParser.Parse(ReadData(dump)).Entries.Count, reread.Entries.Count);
    }

    private static string Build(string dump, string game, string title)
    {
        ConsoleSchema captured = ConsoleListParser.Parse(ReadData(dump));
        var names = captured.Entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

        // The common schema refines only what this game has; the overlay is the game's own.
        ConsoleSchema common = RconSchemaJsonParser.Parse(File.ReadAllText(GeneratorHarness.DataFile("schemas", "source-common.rcon.json")));
        var shared = common with { Entries = common.Entries.Where(e => names.Contains(e.Name)).ToEquatableArray() };
        ConsoleSchema overlay = RconSchemaJsonParser.Parse(File.ReadAllText(GeneratorHarness.DataFile("schemas", "overlays", game + ".overlay.rcon.json")));
        Assert.Empty(overlay.Diagnostics);
        Assert.All(overlay.Entries, e => Assert.Contains(e.Name, names));

        // A dump shows values at capture, not defaults: only Source 2 booleans and decimals are kept as defaults.
        var entries = ConsoleSchemaMerger.Merge([captured, shared, overlay])
            .Select(e => e.Default is null && e.Value is not null && e.Type is ConsoleValueType.Bool or ConsoleValueType.Float && !e.IsCommand ? e with { Default = e.Value } : e);
        return SchemaJsonWriter.Write(title, entries, complete: true);
    }

    private static string ReadData(string name) => File.ReadAllText(GeneratorHarness.DataFile("data", "cvarlists", name));
}
