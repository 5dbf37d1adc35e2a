using System.Net.Sockets;
using RconTyped.Protocol;

namespace RconTyped.Tests.Client;

public class HostileServerTests
{
    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(-5)]
    [InlineData(3)]
    public async Task A_bad_size_field_closes_the_connection_with_a_protocol_error(int size)
    {
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            await ScriptedServer.ReadPacketAsync(socket);
            await socket.SendAsync(BitConverter.GetBytes(size));
            await Task.Delay(500);
        });
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        var e = await Assert.ThrowsAsync<RconProtocolException>(() => client.ExecuteAsync("status").WaitAsync(Connect.Guard));

        Assert.Equal(size < 10 ? RconProtocolViolation.SizeTooSmall : RconProtocolViolation.SizeTooLarge, e.Violation);
        Assert.True(client.IsClosed);
    }

    [Fact]
    public async Task An_answer_larger_than_MaxResponseBytes_is_refused_before_it_is_buffered()
    {
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            var (command, _) = await ScriptedServer.ReadPacketAsync(socket);
            byte[] chunk = ScriptedServer.Packet(command.Id, RconPacketType.ResponseValue, new byte[4096]);
            for (int i = 0; i < 1000; i++)
            {
                await socket.SendAsync(chunk);
            }
        });
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { MaxResponseBytes = 64 * 1024, Dialect = RconDialect.Source });

        var e = await Assert.ThrowsAsync<RconProtocolException>(() => client.ExecuteAsync("flood").WaitAsync(Connect.Guard));

        Assert.Equal(RconProtocolViolation.ResponseTooLarge, e.Violation);
        Assert.Contains("MaxResponseBytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_with_unknown_ids_are_ignored()
    {
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            var (command, _) = await ScriptedServer.ReadPacketAsync(socket);
            await socket.SendAsync(ScriptedServer.Packet(command.Id + 1000, RconPacketType.ResponseValue, "not yours"u8.ToArray()));
            await socket.SendAsync(ScriptedServer.Packet(0, RconPacketType.ResponseValue, "nor this"u8.ToArray()));
            await socket.SendAsync(ScriptedServer.Packet(command.Id, RconPacketType.ResponseValue, "yours"u8.ToArray()));
            await Task.Delay(200);
        });
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        Assert.Equal("yours", await client.ExecuteAsync("mine").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task Garbage_bytes_are_a_protocol_error_not_a_hang()
    {
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            await ScriptedServer.ReadPacketAsync(socket);
            await socket.SendAsync("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray());
            await Task.Delay(500);
        });
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        await Assert.ThrowsAsync<RconProtocolException>(() => client.ExecuteAsync("status").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task A_server_that_closes_mid_packet_is_reported_as_lost()
    {
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            var (command, _) = await ScriptedServer.ReadPacketAsync(socket);
            byte[] packet = ScriptedServer.Packet(command.Id, RconPacketType.ResponseValue, new byte[100]);
            await socket.SendAsync(packet.AsMemory(0, 50));
            socket.Shutdown(SocketShutdown.Both);
        });
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        var e = await Assert.ThrowsAsync<RconConnectionException>(() => client.ExecuteAsync("status").WaitAsync(Connect.Guard));
        Assert.Contains("middle of a packet", e.Message, StringComparison.Ordinal);
    }
}
