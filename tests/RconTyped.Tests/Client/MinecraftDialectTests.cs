using System.Text;
using RconTyped.Testing;

namespace RconTyped.Tests.Client;

public class MinecraftDialectTests
{
    private static readonly RconClientOptions Minecraft = new() { Dialect = RconDialect.Minecraft };

    [Theory]
    [InlineData(64 * 1024)]
    [InlineData(4096)]
    [InlineData(0)]
    public async Task Split_answers_arrive_whole_without_hanging(int length)
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Minecraft });
        // Multi-byte UTF-8 characters, so the server's 4096-unit splits are not 4096-byte splits. (No surrogate pairs:
        // Minecraft itself mangles a pair that a split cuts in two.)
        string text = string.Concat(Enumerable.Repeat("ab§cdé€xyz", (length / 10) + 1))[..length];
        server.Console.AddCommand("list", _ => text);
        await using RconClient client = await Connect.AuthenticatedAsync(server, Minecraft);

        Assert.Equal(text, await client.ExecuteAsync("list").WaitAsync(Connect.Guard));
        Assert.Equal("next\n", await client.ExecuteAsync("echo next").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task Concurrent_calls_go_one_at_a_time_so_the_server_never_sees_two_packets_in_one_read()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Minecraft });
        await using RconClient client = await Connect.AuthenticatedAsync(server, Minecraft);

        string[] answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.ExecuteAsync($"echo {i}"))).WaitAsync(Connect.Guard);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"{i}\n"), answers);
        Assert.True(client.IsConnected);
        await client.SendAsync("echo sent").WaitAsync(Connect.Guard);
        Assert.Equal("last\n", await client.ExecuteAsync("echo last").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task Pipelining_as_the_source_dialect_does_breaks_a_minecraft_server_which_is_why_the_dialect_exists()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Minecraft });
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Cs2 });

        // Many commands queued at once share writes; the emulated Minecraft server closes the connection, as the real one does.
        Exception? error = await Record.ExceptionAsync(() => Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.ExecuteAsync($"echo {i}"))).WaitAsync(Connect.Guard));

        Assert.IsType<RconConnectionException>(error);
    }

    [Fact]
    public async Task A_request_body_over_1446_bytes_is_refused_before_sending()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Minecraft });
        await using RconClient client = await Connect.AuthenticatedAsync(server, Minecraft);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.ExecuteAsync("say " + new string('x', 1443)));
        Assert.Contains("1446", e.Message, StringComparison.Ordinal);
        Assert.Equal(new string('y', 1441) + "\n", await client.ExecuteAsync("echo " + new string('y', 1441)).WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task Formatting_codes_are_kept_in_the_bytes_and_stripped_from_the_text_by_option()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Minecraft });
        server.Console.AddCommand("list", _ => "§6There are §c2§6 players online");
        await using RconClient plain = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Minecraft.WithStrippedFormattingCodes() });
        await using RconClient raw = await Connect.AuthenticatedAsync(server, Minecraft);

        RconResponse stripped = await plain.ExecuteRawAsync("list").WaitAsync(Connect.Guard);

        Assert.Equal("There are 2 players online", stripped.Text);
        Assert.Equal(Encoding.UTF8.GetBytes("§6There are §c2§6 players online"), stripped.Body.ToArray());
        Assert.Equal("§6There are §c2§6 players online", await raw.ExecuteAsync("list").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_connection_as_minecraft_does()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Minecraft });
        await using var client = new RconClient(server.EndPoint, Minecraft);
        await client.ConnectAsync();

        var e = await Assert.ThrowsAsync<RconAuthenticationException>(() => client.AuthenticateAsync("wrong").WaitAsync(Connect.Guard));

        Assert.Equal(RconAuthenticationFailure.WrongPassword, e.Failure);
        await client.AuthenticateAsync(server.Password).WaitAsync(Connect.Guard);
        Assert.Equal("Minecraft", client.Dialect.Name);
    }
}
