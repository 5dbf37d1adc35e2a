using System.Reflection;
using RconTyped.Generators.Tests.TypedServers;
using RconTyped.Schema;
using RconTyped.Testing;

namespace RconTyped.Generators.Tests;

/// <summary>Generated classes (compiled into this assembly by the generator) against the emulated server.</summary>
public class TypedCallTests
{
    [Fact]
    public async Task Maxplayers_SetAsync_sends_maxplayers_16_and_reads_it_back()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await EmulatorConnection.ConnectAsync(server);
        var typed = new CommonServer(client);

        await typed.Maxplayers.SetAsync(16).WaitAsync(EmulatorConnection.Guard);

        Assert.Contains("maxplayers 16", server.Console.ExecutedCommands);
        Assert.Equal(16, await typed.Maxplayers.GetAsync().WaitAsync(EmulatorConnection.Guard));
        Assert.Equal(1, typed.Maxplayers.Min);
        Assert.Equal(64, typed.Maxplayers.Max);
    }

    [Fact]
    public async Task The_server_clamps_an_out_of_range_value()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await EmulatorConnection.ConnectAsync(server);
        var typed = new CommonServer(client);

#pragma warning disable RCON002 // Out of range on purpose: the server clamps it.
        await typed.Maxplayers.SetAsync(500);
#pragma warning restore RCON002

        Assert.Equal(64, await typed.Maxplayers.GetAsync().WaitAsync(EmulatorConnection.Guard));
    }

    [Fact]
    public async Task Booleans_floats_and_text_round_trip()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await EmulatorConnection.ConnectAsync(server);
        var typed = new CommonServer(client);

        await typed.SvCheats.SetAsync(true);
        await typed.SvGravity.SetAsync(612.5);
        await typed.Hostname.SetAsync("My; Server");

        Assert.True(await typed.SvCheats.GetAsync().WaitAsync(EmulatorConnection.Guard));
        Assert.Equal(612.5, await typed.SvGravity.GetAsync().WaitAsync(EmulatorConnection.Guard));
        Assert.Equal("My; Server", await typed.Hostname.GetAsync().WaitAsync(EmulatorConnection.Guard));
        Assert.Equal(["sv_cheats 1", "sv_gravity 612.5", "hostname \"My; Server\""], server.Console.ExecutedCommands.Where(c => c.Contains(' ', StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("evil\"; quit")]
    [InlineData("two\nlines")]
    public async Task A_value_that_could_inject_a_command_is_refused_before_sending(string value)
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await EmulatorConnection.ConnectAsync(server);
        var typed = new CommonServer(client);

        await Assert.ThrowsAsync<ArgumentException>(() => typed.Hostname.SetAsync(value));
        await Assert.ThrowsAsync<ArgumentException>(() => typed.SayAsync(value));
        Assert.Empty(server.Console.ExecutedCommands);
    }

    [Fact]
    public async Task Command_arguments_are_quoted_so_a_semicolon_stays_inside()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await EmulatorConnection.ConnectAsync(server);
        var typed = new CommonServer(client);

        string said = await typed.SayAsync("hello; quit").WaitAsync(EmulatorConnection.Guard);
        await typed.ChangelevelAsync("de_nuke").WaitAsync(EmulatorConnection.Guard);

        Assert.Equal("Console: hello; quit\n", said);
        Assert.Equal(["say \"hello; quit\"", "changelevel de_nuke"], server.Console.ExecutedCommands);
        Assert.Equal("de_nuke", server.Console.Map);
    }

    [Fact]
    public async Task A_value_that_does_not_fit_the_type_is_a_clear_error()
    {
        await using var server = EmulatedServer.Start();
        server.Console.AddVariable(new ConsoleVariable("maxplayers", "lots"));
        await using RconClient client = await EmulatorConnection.ConnectAsync(server);
        var typed = new CommonServer(client);

        var e = await Assert.ThrowsAsync<RconUnexpectedAnswerException>(() => typed.Maxplayers.GetAsync().WaitAsync(EmulatorConnection.Guard));
        Assert.Contains("\"lots\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("Int32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cvar_the_server_does_not_have_is_a_clear_error()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await EmulatorConnection.ConnectAsync(server);
        var typed = new CommonServer(client);

        var e = await Assert.ThrowsAsync<RconUnexpectedAnswerException>(() => typed.SvLan.GetAsync().WaitAsync(EmulatorConnection.Guard));
        Assert.Contains("does not know the cvar sv_lan", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dump_only_server_sets_and_gets_sv_gravity_as_600()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { CvarList = ReadData("tf2-dgibbs64.cvarlist.txt") });
        await using RconClient client = await EmulatorConnection.ConnectAsync(server);
        var typed = new Tf2DumpOnlyServer(client);

        await typed.SvGravity.SetAsync(600).WaitAsync(EmulatorConnection.Guard);
        RconValue gravity = await typed.SvGravity.GetAsync().WaitAsync(EmulatorConnection.Guard);

        Assert.Equal(600, (int)gravity);
        Assert.True(gravity == 600);
        await typed.SvGravity.ResetAsync().WaitAsync(EmulatorConnection.Guard);
        Assert.Equal(800, (int)await typed.SvGravity.GetAsync().WaitAsync(EmulatorConnection.Guard));
    }

    [Fact]
    public async Task A_dump_refined_by_the_curated_schema_is_typed()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { CvarList = ReadData("tf2-dgibbs64.cvarlist.txt") });
        await using RconClient client = await EmulatorConnection.ConnectAsync(server);
        var typed = new Tf2Server(client);

        await typed.SvGravity.SetAsync(600);

        double gravity = await typed.SvGravity.GetAsync().WaitAsync(EmulatorConnection.Guard);
        Assert.Equal(600d, gravity);
        Assert.Equal("800", typed.SvGravity.Default);
        Assert.Equal("World gravity.", typed.SvGravity.Description);
        Assert.Equal(["nf", "rep"], typed.SvCheats.Flags);
    }

    [Fact]
    public async Task A_cs2_dump_types_booleans_and_works_against_a_cs2_server()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Cs2, CvarList = ReadData("cs2-dgibbs64.cvarlist.txt") });
        await using RconClient client = await EmulatorConnection.ConnectAsync(server);
        var typed = new Cs2Server(client);

        Assert.False(await typed.SvCheats.GetAsync().WaitAsync(EmulatorConnection.Guard));
        await typed.SvCheats.SetAsync(true);
        Assert.True(await typed.SvCheats.GetAsync().WaitAsync(EmulatorConnection.Guard));
        Assert.Equal(5.2, await typed.SvFriction.GetAsync().WaitAsync(EmulatorConnection.Guard));
    }

    [Theory]
    [InlineData(typeof(Tf2DumpOnlyServer), "tf2-dgibbs64.cvarlist.txt")]
    [InlineData(typeof(Cs2Server), "cs2-dgibbs64.cvarlist.txt")]
    public void Every_entry_of_a_dump_is_a_typed_member(Type server, string dump)
    {
        var names = server.GetMembers()
            .Select(m => (string?)m.GetCustomAttribute<RconVariableAttribute>()?.Name ?? m.GetCustomAttribute<RconCommandAttribute>()?.Name)
            .Where(n => n is not null)
            .ToHashSet(StringComparer.Ordinal);

        ConsoleSchema schema = ConsoleListParser.Parse(ReadData(dump));

        Assert.All(schema.Entries, entry => Assert.Contains(entry.Name, names));
    }

    private static string ReadData(string name) => File.ReadAllText(GeneratorHarness.DataFile("data", "cvarlists", name));
}
