using RconTyped.Cli.Shell;

namespace RconTyped.Cli.Tests;

public class CompletionTests
{
    private static readonly CompletionIndex Names = new(["sv_cheats", "sv_gravity", "sv_gravity_scale", "SV_Alltalk", "changelevel", "sv_cheats"]);

    [Theory]
    [InlineData("sv_ch", "sv_cheats ")]
    [InlineData("sv_gr", "sv_gravity")]
    [InlineData("sv_gravity_", "sv_gravity_scale ")]
    [InlineData("SV_CH", "sv_cheats ")]
    [InlineData("sv_", "sv_")]
    [InlineData("zzz", "zzz")]
    [InlineData("c", "changelevel ")]
    public void Tab_completes_to_the_longest_shared_prefix(string typed, string completed)
    {
        Assert.Equal(completed, Names.Complete(typed));
    }

    [Fact]
    public void Matches_are_distinct_sorted_and_case_insensitive()
    {
        Assert.Equal(["SV_Alltalk", "sv_cheats", "sv_gravity", "sv_gravity_scale"], Names.Matches("sv"));
        Assert.Equal(5, Names.Count);
    }

    [Fact]
    public void Names_are_cached_per_server_and_history_never_keeps_passwords()
    {
        string directory = Path.Combine(Path.GetTempPath(), "rcon-typed-tests", Guid.NewGuid().ToString("N"));
        var store = new ShellStore(directory);

        store.SaveNames("127.0.0.1:27015", Names);
        store.SaveHistory(["status", "sv_password secret", "!connect host pw", "echo hi"]);

        Assert.Equal(Names.Names, store.LoadNames("127.0.0.1:27015")!.Names);
        Assert.Null(store.LoadNames("127.0.0.1:27016"));
        Assert.Equal(["status", "echo hi"], store.LoadHistory());

        File.WriteAllText(Path.Combine(directory, "completion", "127.0.0.1_27015.msgpack"), "not messagepack");
        Assert.Null(store.LoadNames("127.0.0.1:27015"));
    }
}
