using RconTyped.Schema;

namespace RconTyped.Tests.Schema;

/// <summary>Every dump in data/cvarlists gives the entries its SOURCES.md counts, read through its quirks.</summary>
public class DumpFormatTests
{
    [Theory]
    [InlineData("tf2-dgibbs64.cvarlist.txt", 2027, 518)]          // footer 2028: script_debug is listed twice
    [InlineData("gmod-dgibbs64-rawcapture.cvarlist.txt", 1991, 480)] // CRLF and colour escapes on every line
    [InlineData("cs2-dgibbs64.cvarlist.txt", 1818, 439)]           // 7 lines hold two rows each
    [InlineData("deadlock-b13rg.cvarlist.txt", 2116, 654)]         // [Console] prefixes, "> cvarlist" echo
    [InlineData("cs16-dgibbs64.cvarlist.txt", 233, 0)]             // GoldSrc layout
    [InlineData("csgo-nekzor.json", 4915, 1186)]                   // JSON database, flags as a bitmask
    [InlineData("cs2-sugolyollom.cvarlist.md", 5102, 1153)]        // Markdown table
    public void Each_dump_gives_its_entries(string file, int entries, int commands)
    {
        ConsoleSchema schema = SchemaFileParser.Parse(Read(file));

        Assert.Equal(entries, schema.Entries.Count);
        Assert.Equal(commands, schema.Entries.Count(e => e.IsCommand));
        Assert.All(schema.Entries, e => Assert.True(ConsoleListParser.IsName(e.Name), e.Name));
    }

    [Fact]
    public void Two_dumps_in_one_file_give_the_union_and_one_diagnostic()
    {
        ConsoleSchema schema = SchemaFileParser.Parse(Read("csgo-xmazax-client.cvarlist.txt"));

        Assert.Equal(3073, schema.Entries.Count);
        SchemaDiagnostic diagnostic = Assert.Single(schema.Diagnostics);
        Assert.Equal("RCON102", diagnostic.Id);
        Assert.Equal(3073, diagnostic.Line); // 0-based: line 3074, the first row of the second dump that repeats a name
    }

    [Theory]
    [InlineData("bot_join_team", "Determines the team bots will join into. Allowed values: 'any', 'T', or 'CT'.")]
    [InlineData("bot_kick", "bot_kick <all> <t|ct> <type> <difficulty> <name> - Kicks a specific bot, or all bots, matching the given criteria.")]
    [InlineData("contributionscore_bomb_defuse_minor", "amount of contribution score for defusing a bomb after eliminating enemy team")]
    [InlineData("contributionscore_bomb_exploded", "amount of contribution score awarded to bomb planter and terrorists remaining alive if bomb explosion wins the round")]
    public void Rows_glued_without_a_newline_are_split_where_the_name_column_starts(string name, string description)
    {
        ConsoleSchema schema = SchemaFileParser.Parse(Read("cs2-dgibbs64.cvarlist.txt"));

        Assert.Equal(description, schema.Entries.Single(e => e.Name == name).Description);
    }

    [Fact]
    public void Source_two_values_decide_types_and_source_one_values_never_do()
    {
        ConsoleSchema cs2 = SchemaFileParser.Parse(Read("cs2-dgibbs64.cvarlist.txt"));
        ConsoleSchema tf2 = SchemaFileParser.Parse(Read("tf2-dgibbs64.cvarlist.txt"));

        Assert.Equal(ConsoleValueType.Bool, Type(cs2, "sv_cheats"));
        Assert.Equal(ConsoleValueType.Float, Type(cs2, "sv_friction"));    // 5.2
        Assert.Equal(ConsoleValueType.String, Type(cs2, "hostname"));      // LinuxGSM
        Assert.Equal(ConsoleValueType.Unknown, Type(cs2, "sv_gravity"));   // 800: a float cvar printed whole
        Assert.Equal(ConsoleValueType.Unknown, Type(tf2, "hostname"));     // Source 1 prints text cvars as 0
        Assert.Equal(ConsoleValueType.Unknown, Type(tf2, "sv_cheats"));
    }

    [Fact]
    public void Markdown_rows_give_defaults_flags_and_help()
    {
        ConsoleSchema schema = SchemaFileParser.Parse("Name | Flags | Description\n---- | ----- | -----------\nsv_cheats | FCVAR_NOTIFY<br>FCVAR_REPLICATED | **Default:** false<br>Allow cheats &lt;on&gt; server\nsetpos | FCVAR_CHEAT | Move player.\n");

        ConsoleEntry cheats = schema.Entries.Single(e => e.Name == "sv_cheats");
        Assert.Equal(("false", ConsoleValueType.Bool, "Allow cheats <on> server"), (cheats.Default, cheats.Type, cheats.Description));
        Assert.Equal(["nf", "rep"], cheats.Flags);
        Assert.True(schema.Entries.Single(e => e.Name == "setpos").IsCommand);
    }

    [Fact]
    public void Json_databases_map_the_flag_bitmask_to_short_names()
    {
        ConsoleSchema schema = SchemaFileParser.Parse("""{"Cvars":[{"name":"sv_cheats","default":"0","flags":8448,"help":"Allow cheats"},{"name":"kick","default":"cmd","flags":0,"help":""}]}""");

        Assert.Equal(["nf", "rep"], schema.Entries[0].Flags);
        Assert.True(schema.Entries[1].IsCommand);
    }

    [Fact]
    public void Garbage_never_throws()
    {
        foreach (string text in new[] { string.Empty, "\0\0\0", "{", "{\"cvars\": [1, 2, {}]}", ": : : :", new string(':', 5000), "| | |", "Name | Flags\n| |" })
        {
            ConsoleSchema schema = SchemaFileParser.Parse(text);
            Assert.NotNull(schema);
        }
    }

    private static ConsoleValueType Type(ConsoleSchema schema, string name) => schema.Entries.Single(e => e.Name == name).Type;

    private static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "cvarlists", file));
}
