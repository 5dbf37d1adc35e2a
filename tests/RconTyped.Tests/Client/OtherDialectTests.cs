using System.Text;
using RconTyped.Protocol;

namespace RconTyped.Tests.Client;

/// <summary>Dialect rules for games the emulator does not model yet, against scripted servers that behave as documented.</summary>
public class OtherDialectTests
{
    [Fact]
    public async Task Chat_and_stray_packets_are_reported_as_events_and_never_mixed_into_answers()
    {
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            var (command, _) = await ScriptedServer.ReadPacketAsync(socket);
            byte[] burst =
            [
                .. ScriptedServer.Packet(0, new RconPacketType(1), "[ChatAll] player: hello"u8.ToArray()),
                .. ScriptedServer.Packet(-1, new RconPacketType(4), "stray"u8.ToArray()),
                .. ScriptedServer.Packet(command.Id, RconPacketType.ResponseValue, "the answer"u8.ToArray()),
            ];
            await socket.SendAsync(burst);
            await Task.Delay(300);
        });
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Cs2 });
        var seen = new List<(int Type, string Text)>();
        client.UnsolicitedPacket += (_, e) => seen.Add((e.Type.Value, e.Text));

        Assert.Equal("the answer", await client.ExecuteAsync("ListPlayers").WaitAsync(Connect.Guard));
        Assert.Equal([(1, "[ChatAll] player: hello"), (4, "stray")], seen);
    }

    [Fact]
    public async Task Squads_doubled_mirror_and_interleaved_chat_leave_the_next_answer_untouched()
    {
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            for (int round = 0; round < 2; round++)
            {
                var (command, _) = await ScriptedServer.ReadPacketAsync(socket);
                var (marker, _) = await ScriptedServer.ReadPacketAsync(socket);
                byte[] answer =
                [
                    .. ScriptedServer.Packet(command.Id, RconPacketType.ResponseValue, Encoding.UTF8.GetBytes($"players {round}")),
                    .. ScriptedServer.Packet(0, new RconPacketType(1), "[ChatAdmin] someone: hi"u8.ToArray()),
                    .. ScriptedServer.Packet(marker.Id, RconPacketType.ResponseValue, []),
                    .. ScriptedServer.Packet(marker.Id, RconPacketType.ResponseValue, []), // Squad sends the confirmation twice
                    .. ScriptedServer.Packet(marker.Id, RconPacketType.ResponseValue, [0, 1, 0, 0]),
                ];
                await socket.SendAsync(answer);
            }

            await Task.Delay(300);
        });
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Source });
        int chats = 0;
        client.UnsolicitedPacket += (_, _) => Interlocked.Increment(ref chats);

        Assert.Equal("players 0", await client.ExecuteAsync("ListPlayers").WaitAsync(Connect.Guard));
        Assert.Equal("players 1", await client.ExecuteAsync("ListPlayers").WaitAsync(Connect.Guard));
        Assert.Equal(2, chats);
    }

    [Fact]
    public async Task Ark_empty_output_reads_as_empty_text_and_keeps_its_bytes()
    {
        const string Marker = "Server received, But no response!! \n";
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            var (command, _) = await ScriptedServer.ReadPacketAsync(socket);
            await socket.SendAsync(ScriptedServer.Packet(command.Id, RconPacketType.ResponseValue, Encoding.UTF8.GetBytes(Marker)));
            await Task.Delay(300);
        });
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Ark });

        RconResponse response = await client.ExecuteRawAsync("SaveWorld").WaitAsync(Connect.Guard);

        Assert.Equal(string.Empty, response.Text);
        Assert.Equal(Marker, Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal(1, RconDialect.Ark.MaxCommandsInFlight);
    }

    [Fact]
    public async Task Conan_rate_limit_close_is_reported_as_such()
    {
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            var (command, _) = await ScriptedServer.ReadPacketAsync(socket);
            await socket.SendAsync(ScriptedServer.Packet(command.Id, RconPacketType.ResponseValue, "42"u8.ToArray()));
            socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
        });
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.ConanExiles });

        var e = await Assert.ThrowsAsync<RconConnectionException>(() => client.ExecuteAsync("listplayers").WaitAsync(Connect.Guard));

        Assert.Contains("rate-limited", e.Message, StringComparison.Ordinal);
        Assert.Contains("'42'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Factorio_requests_are_held_to_its_limit()
    {
        await using var server = new ScriptedServer(ScriptedServer.AcceptAuthAsync);
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Factorio });

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.ExecuteAsync("/c " + new string('x', 4090)));
        Assert.Contains("Factorio", e.Message, StringComparison.Ordinal);
    }
}
