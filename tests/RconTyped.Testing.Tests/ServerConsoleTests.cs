using RconTyped.Schema;

namespace RconTyped.Testing.Tests;

public class ServerConsoleTests
{
    [Fact]
    public void A_bare_name_prints_the_srcds_description_line()
    {
        var console = new ServerConsole();
        console.Execute("sv_gravity 600");

        string line = console.Execute("sv_gravity")!;

        Assert.StartsWith("\"sv_gravity\" = \"600\" ( def. \"800\" ) notify replicated", line, StringComparison.Ordinal);
        Assert.EndsWith(" - World gravity.\n", line, StringComparison.Ordinal);
        Assert.Equal($"{"\"maxplayers\" = \"24\" min. 1.000000 max. 64.000000",-80} - Maximum number of players.\n", console.Execute("maxplayers"));
    }

    [Theory]
    [InlineData("maxplayers 500", "64")]
    [InlineData("maxplayers 0", "1")]
    [InlineData("maxplayers 16", "16")]
    [InlineData("sv_cheats 1", "1")]
    public void Setting_a_value_clamps_it_to_the_bounds(string line, string expected)
    {
        var console = new ServerConsole();
        string variable = line.Split(' ')[0];

        Assert.Equal(string.Empty, console.Execute(line));
        Assert.True(console.TryGetVariable(variable, out ConsoleVariable? v));
        Assert.Equal(expected, v!.Value);
    }

    [Fact]
    public void Quoted_text_values_keep_their_spaces_and_semicolons()
    {
        var console = new ServerConsole();

        console.Execute("hostname \"My; Server\"; echo done");

        Assert.True(console.TryGetVariable("hostname", out ConsoleVariable? v));
        Assert.Equal("My; Server", v!.Value);
        Assert.Equal(["hostname \"My; Server\"", "echo done"], console.ExecutedCommands);
    }

    [Fact]
    public void Unknown_commands_answer_like_srcds()
    {
        Assert.Equal("Unknown command \"nope\"\n", new ServerConsole().Execute("nope 1 2"));
    }

    [Fact]
    public void Cvarlist_prints_the_source_one_layout_that_the_parser_reads_back()
    {
        var console = new ServerConsole();
        string text = console.Execute("cvarlist")!;

        List<ConVar> rows = CvarListParser.Parse(text).ToList();

        Assert.StartsWith("cvar list\n--------------\n", text, StringComparison.Ordinal);
        Assert.Contains("hostname                                 : 0        :                  : Hostname for server.\n", text, StringComparison.Ordinal);
        Assert.EndsWith($"{rows.Count} total convars/concommands\n", text, StringComparison.Ordinal);
        Assert.Equal(["nf", "rep"], rows.Single(r => r.Name == "sv_cheats").Flags);
        Assert.EndsWith("--------------\n  5 convars/concommands for [sv_]\n", console.Execute("cvarlist sv_"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_tf2_dump_loads_every_entry()
    {
        string dump = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "cvarlists", "tf2-dgibbs64.cvarlist.txt"));
        var console = new ServerConsole(EmulatedServerMode.Source, dump);

        List<ConVar> listed = CvarListParser.Parse(console.Execute("cvarlist")!).ToList();

        // Every name of the dump is there; the built-in commands the dump lacks are added.
        HashSet<string> names = listed.Select(r => r.Name).ToHashSet();
        Assert.All(CvarListParser.Parse(dump), row => Assert.Contains(row.Name, names));
        Assert.Equal(1509, console.Variables.Count);
        Assert.Equal(string.Empty, console.Execute("sv_gravity 600"));
        Assert.StartsWith("\"sv_gravity\" = \"600\" ( def. \"800\" )", console.Execute("sv_gravity")!, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_describes_a_variable_or_says_it_does_not_exist()
    {
        var console = new ServerConsole();

        Assert.StartsWith("\"sv_cheats\" = \"0\"", console.Execute("help sv_cheats")!, StringComparison.Ordinal);
        Assert.Equal("help:  no cvar or command named nothing\n", console.Execute("help nothing"));
    }
}
