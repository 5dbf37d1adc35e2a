using RconTyped.Schema;

namespace RconTyped.Tests.Schema;

public class CvarListParserTests
{
    [Fact]
    public void Source_one_rows_split_into_name_value_flags_and_description()
    {
        Assert.True(CvarListParser.TryParseRow("achievement_debug                        : 0        : , \"sv\", \"cheat\", \"rep\" : Turn on achievement debug msgs.", out ConVar? row));
        Assert.Equal(new ConVar("achievement_debug", "0", row!.Flags, "Turn on achievement debug msgs.", false), row);
        Assert.Equal(["sv", "cheat", "rep"], row.Flags);
    }

    [Fact]
    public void A_description_that_contains_colons_is_kept_whole()
    {
        Assert.True(CvarListParser.TryParseRow("plugin_load                              : cmd      :                  : plugin_load <filename> : loads a plugin", out ConVar? row));
        Assert.True(row!.IsCommand);
        Assert.Equal(string.Empty, row.Value);
        Assert.Empty(row.Flags);
        Assert.Equal("plugin_load <filename> : loads a plugin", row.Description);
    }

    [Fact]
    public void Source_two_rows_keep_real_values_and_unquoted_flags()
    {
        Assert.True(CvarListParser.TryParseRow("sv_cheats                                                                        : false            : nf, rep, release                 : Allow cheats on server", out ConVar? row));
        Assert.Equal("false", row!.Value);
        Assert.Equal(["nf", "rep", "release"], row.Flags);
    }

    [Theory]
    [InlineData("cvar list")]
    [InlineData("--------------")]
    [InlineData("2028 total convars/concommands")]
    [InlineData("")]
    [InlineData("L 11/24/2026 - 12:00:00: rcon from \"1.2.3.4\"")]
    public void Lines_that_are_not_rows_are_skipped(string line)
    {
        Assert.False(CvarListParser.TryParseRow(line, out _));
    }

    [Fact]
    public void The_tf2_dump_gives_as_many_rows_as_its_footer_counts()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "cvarlists", "tf2-dgibbs64.cvarlist.txt"));

        List<ConVar> rows = CvarListParser.Parse(text).ToList();

        Assert.Equal(2028, rows.Count);
        Assert.Equal(519, rows.Count(r => r.IsCommand));
        Assert.Equal("Allow cheats on server", rows.Single(r => r.Name == "sv_cheats").Description);
    }
}
