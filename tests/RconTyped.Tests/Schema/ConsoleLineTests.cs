using RconTyped.Schema;

namespace RconTyped.Tests.Schema;

/// <summary>The one console tokenizer the emulator and the analyzer share.</summary>
public class ConsoleLineTests
{
    [Fact]
    public void Statements_split_at_semicolons_outside_quotes_and_at_line_breaks()
    {
        Assert.Equal(["sv_cheats 1", " say \"a;b\"", "status", ""], ConsoleLine.SplitStatements("sv_cheats 1; say \"a;b\"\nstatus;"));
    }

    [Fact]
    public void Words_split_at_white_space_and_quotes_group()
    {
        Assert.Equal(["hostname", "My Server", "x"], ConsoleLine.SplitWords("  hostname \"My Server\"\tx "));
        Assert.Equal(["say", ""], ConsoleLine.SplitWords("say \"\""));
    }

    [Theory]
    [InlineData("maxplayers 16", 2)]
    [InlineData("say \"a;b\"", 2)]
    [InlineData("sv_cheats 1; status", -1)]
    [InlineData("status;", -1)]
    [InlineData("say \"open", -1)]
    [InlineData("status\r", -1)]
    [InlineData("echo a\necho b", -1)]
    public void A_single_command_gives_its_words_and_anything_else_null(string line, int words)
    {
        Assert.Equal(words, ConsoleLine.SplitSingleCommand(line)?.Count ?? -1);
    }
}
