using System.Text;
using RconTyped.Testing;

namespace RconTyped.Tests.Client;

public class ExecuteTests
{
    [Theory]
    [InlineData(EmulatedServerMode.Source, 64 * 1024)]
    [InlineData(EmulatedServerMode.Source, 1024 * 1024)]
    [InlineData(EmulatedServerMode.Cs2, 64 * 1024)]
    [InlineData(EmulatedServerMode.Cs2, 1024 * 1024)]
    public async Task Long_answers_arrive_whole_and_in_order(EmulatedServerMode mode, int length)
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = mode });
        server.Console.AddCommand("big", args => Pattern(int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture)));
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        string answer = await client.ExecuteAsync($"big {length}").WaitAsync(Connect.Guard);

        Assert.Equal(length, answer.Length);
        Assert.Equal(Pattern(length), answer);
    }

    [Fact]
    public async Task The_mirror_and_its_trailer_never_leak_into_the_next_answer()
    {
        await using var server = EmulatedServer.Start();
        server.Console.AddCommand("big", _ => Pattern(10_000));
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        Assert.Equal(10_000, (await client.ExecuteAsync("big")).Length);
        Assert.Equal(string.Empty, await client.ExecuteAsync("sv_cheats 1").WaitAsync(Connect.Guard));
        Assert.Equal("next\n", await client.ExecuteAsync("echo next").WaitAsync(Connect.Guard));
        Assert.Equal(string.Empty, await client.ExecuteAsync("sv_gravity 600").WaitAsync(Connect.Guard));
        Assert.StartsWith("\"sv_gravity\" = \"600\" ( def. \"800\" )", await client.ExecuteAsync("sv_gravity").WaitAsync(Connect.Guard), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_is_exactly_one_full_packet_ends_correctly()
    {
        await using var server = EmulatedServer.Start();
        server.Console.AddCommand("exact", _ => Pattern(4096));
        server.Console.AddCommand("twice", _ => Pattern(8192));
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        Assert.Equal(Pattern(4096), await client.ExecuteAsync("exact").WaitAsync(Connect.Guard));
        Assert.Equal(Pattern(8192), await client.ExecuteAsync("twice").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task Bodies_are_never_trimmed_or_normalised()
    {
        await using var server = EmulatedServer.Start();
        const string raw = "  spaced\r\n\tcafe\u0301  \n\n";
        server.Console.AddCommand("raw", _ => raw);
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        Assert.Equal(raw, await client.ExecuteAsync("raw").WaitAsync(Connect.Guard));
        RconResponse response = await client.ExecuteRawAsync("raw").WaitAsync(Connect.Guard);
        Assert.Equal(Encoding.UTF8.GetBytes(raw), response.Body.ToArray());
    }

    [Fact]
    public async Task Chained_commands_run_in_order_like_the_console()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        Assert.Equal("a\nb\nUnknown command \"nope\"\n", await client.ExecuteAsync("echo a; echo b;nope").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task SendAsync_runs_the_command_without_waiting_and_its_answer_goes_nowhere()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        await client.SendAsync("echo fire-and-forget").WaitAsync(Connect.Guard);

        Assert.Equal("mine\n", await client.ExecuteAsync("echo mine").WaitAsync(Connect.Guard));
        Assert.Contains("echo fire-and-forget", server.Console.ExecutedCommands);
    }

    [Fact]
    public async Task GetConVarsAsync_yields_every_row_of_cvarlist()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        var rows = new List<ConVar>();
        await foreach (ConVar row in client.GetConVarsAsync())
        {
            rows.Add(row);
        }

        ConVar cheats = Assert.Single(rows, r => r.Name == "sv_cheats");
        Assert.Equal("0", cheats.Value);
        Assert.Equal(["nf", "rep"], cheats.Flags);
        Assert.Equal("Allow cheats on server", cheats.Description);
        Assert.False(cheats.IsCommand);
        Assert.True(Assert.Single(rows, r => r.Name == "echo").IsCommand);
        Assert.Equal(server.Console.Variables.Count + rows.Count(r => r.IsCommand), rows.Count);
    }

    [Fact]
    public async Task Rcon_ExecuteAsync_runs_one_command_on_a_temporary_connection()
    {
        await using var server = EmulatedServer.Start();

        string answer = await Rcon.ExecuteAsync($"127.0.0.1:{server.Port}", server.Password, "echo once").WaitAsync(Connect.Guard);

        Assert.Equal("once\n", answer);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Theory]
    [InlineData(1010, true)]
    [InlineData(1011, false)]
    public async Task A_command_over_the_dialect_limit_is_refused_before_anything_is_sent(int length, bool allowed)
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server);
        string command = "echo " + new string('x', length - 5);

        if (allowed)
        {
            Assert.Equal(new string('x', length - 5) + "\n", await client.ExecuteAsync(command).WaitAsync(Connect.Guard));
            return;
        }

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.ExecuteAsync(command));
        Assert.Contains("1010", e.Message, StringComparison.Ordinal);
        Assert.Contains("ban", e.Message, StringComparison.Ordinal);
        Assert.Empty(server.Console.ExecutedCommands);
        Assert.Equal("still here\n", await client.ExecuteAsync("echo still here").WaitAsync(Connect.Guard));
        Assert.False(server.IsBanned(System.Net.IPAddress.Loopback));
    }

    [Fact]
    public async Task ExecuteAsync_puts_every_refusal_in_its_task_and_never_throws_from_the_call()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Task<string> tooLong = client.ExecuteAsync(new string('x', 5000));
        Task<string> withNul = client.ExecuteAsync("echo a\0b");
        Task<string> alreadyCancelled = client.ExecuteAsync("echo late", cancelled.Token);

        await Assert.ThrowsAsync<ArgumentException>(() => tooLong);
        await Assert.ThrowsAsync<ArgumentException>(() => withNul);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => alreadyCancelled);
        Assert.True(alreadyCancelled.IsCanceled);
        Assert.Equal("still fine\n", await client.ExecuteAsync("echo still fine").WaitAsync(Connect.Guard));
        Assert.DoesNotContain("echo late", server.Console.ExecutedCommands);
    }

    [Fact]
    public async Task A_NUL_character_in_a_command_is_refused()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        await Assert.ThrowsAsync<ArgumentException>(() => client.ExecuteAsync("echo a\0b"));
        Assert.Empty(server.Console.ExecutedCommands);
    }

    [Fact]
    public async Task An_oversized_request_from_another_client_gets_the_address_banned_by_srcds_rules()
    {
        // Why the client refuses long commands: the emulator, like Source 2013 servers, bans the sender.
        await using var server = EmulatedServer.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = new RconDialect("loose", RconResponseEnd.MirrorPacket, 4096) });

        await Assert.ThrowsAnyAsync<RconException>(() => client.ExecuteAsync("echo " + new string('x', 2000)).WaitAsync(Connect.Guard));
        Assert.True(server.IsBanned(System.Net.IPAddress.Loopback));
    }

    internal static string Pattern(int length)
    {
        // Every 8 characters name their own offset, so a reordered, lost or repeated packet cannot go unnoticed.
        var text = new StringBuilder(length + 8);
        for (int i = 0; text.Length < length; i += 8)
        {
            text.Append(i.ToString("x7", System.Globalization.CultureInfo.InvariantCulture)).Append('|');
        }

        return text.ToString(0, length);
    }
}
