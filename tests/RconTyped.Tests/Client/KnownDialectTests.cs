using RconTyped.Testing;

namespace RconTyped.Tests.Client;

/// <summary>The one list of dialects (and of emulated games) that the tool and the emulator read.</summary>
public class KnownDialectTests
{
    [Fact]
    public void Parse_finds_a_known_dialect_or_says_which_ids_there_are_in_the_one_text_the_tool_and_hosting_show()
    {
        Assert.Same(RconDialect.Cs2, RconDialect.Parse("CS2"));
        Assert.Same(RconDialect.ConanExiles, RconDialect.Parse("Conan Exiles"));

        var unknown = Assert.Throws<FormatException>(() => RconDialect.Parse("quake"));

        Assert.Equal("unknown dialect 'quake'; use one of auto, source, cs2, minecraft, factorio, ark, conan, palworld, squad.", unknown.Message);
        Assert.EndsWith(unknown.Message, Assert.Single(new RconServerSettings { Address = "h", Password = "p", Dialect = "quake" }.FindProblems(_ => null)), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_known_dialect_has_a_unique_id_and_is_found_by_id_or_name_in_any_case()
    {
        Assert.Equal(["auto", "source", "cs2", "minecraft", "factorio", "ark", "conan", "palworld", "squad"], RconDialect.Known.Select(d => d.Id));
        foreach (RconDialect dialect in RconDialect.Known)
        {
            Assert.Same(dialect, RconDialect.FindKnown(dialect.Id.ToUpperInvariant()));
            Assert.Same(dialect, RconDialect.FindKnown(dialect.Name));
        }

        Assert.Same(RconDialect.ConanExiles, RconDialect.FindKnown("conan exiles"));
        Assert.Null(RconDialect.FindKnown("quake"));
        Assert.Equal("minecraft", RconDialect.Minecraft.WithStrippedFormattingCodes().Id);
        Assert.Equal("list", RconDialect.Minecraft.WithStrippedFormattingCodes().StatusCommand);
        Assert.Equal("mygame", new RconDialect("My Game", RconResponseEnd.SinglePacket, 4096).Id);
    }

    [Fact]
    public void Every_emulator_mode_is_one_game_with_a_unique_name_and_dialect_backed_games_are_named_after_their_dialect()
    {
        Assert.Equal(Enum.GetValues<EmulatedServerMode>(), EmulatedGame.All.Select(g => g.Mode).Order());
        Assert.Equal(EmulatedGame.All.Count, EmulatedGame.All.Select(g => g.Name).Distinct().Count());
        foreach (EmulatedGame game in EmulatedGame.All.Where(g => g.Mode is not (EmulatedServerMode.Squad or EmulatedServerMode.Rust)))
        {
            Assert.Equal(game.Dialect.Id, game.Name);
            Assert.Same(game, EmulatedGame.Find(game.Name));
        }
    }

    public static TheoryData<EmulatedServerMode> Modes() => [.. Enum.GetValues<EmulatedServerMode>()];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Each_emulated_game_answers_whole_through_the_dialect_its_table_names(EmulatedServerMode mode)
    {
        EmulatedGame game = EmulatedGame.For(mode);
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = mode });
        server.Console.AddCommand("long", _ => new string('z', 10_000) + "\n");
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = game.Dialect });

        Assert.Equal("one\n", await client.ExecuteAsync("echo one").WaitAsync(Connect.Guard));
        Assert.Equal(10_001, (await client.ExecuteAsync("long").WaitAsync(Connect.Guard)).Length);
        Assert.Equal("two\n", await client.ExecuteAsync("echo two").WaitAsync(Connect.Guard));
    }
}
