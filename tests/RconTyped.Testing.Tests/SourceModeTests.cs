using System.Net;
using System.Text;
using RconTyped.Protocol;

namespace RconTyped.Testing.Tests;

public class SourceModeTests
{
    [Fact]
    public async Task A_wrong_password_gets_id_minus_one_and_the_connection_stays_open_until_the_ban()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { MaxAuthFailures = 2 });
        using var raw = await RawConnection.OpenAsync(server.EndPoint);

        await raw.SendAsync(5, RconPacketType.Auth, "wrong");
        Assert.Equal(0, Unwrap(await raw.ReceiveAsync()).Type);
        AssertPacket(await raw.ReceiveAsync(), -1, 2, Array.Empty<byte>());
        Assert.False(server.IsBanned(IPAddress.Loopback));

        await raw.SendAsync(6, RconPacketType.Auth, "wrong again");
        Assert.Equal(0, Unwrap(await raw.ReceiveAsync()).Type);
        Assert.Equal(-1, Unwrap(await raw.ReceiveAsync()).Id);
        Assert.Null(await raw.ReceiveAsync());
        Assert.True(server.IsBanned(IPAddress.Loopback));

        using var again = await RawConnection.OpenAsync(server.EndPoint);
        Assert.Null(await again.ReceiveAsync());
    }

    [Fact]
    public async Task Long_answers_are_split_into_4096_byte_packets_and_the_mirror_is_followed_by_00_01_00_00()
    {
        await using var server = EmulatedServer.Start();
        server.Console.AddCommand("big", _ => new string('z', 10_000));
        using var raw = await RawConnection.OpenAsync(server.EndPoint);
        await raw.AuthenticateAsync(server.Password, expectEmptyFirst: true);

        await raw.SendAsync(10, RconPacketType.ExecCommand, "big");
        await raw.SendAsync(11, RconPacketType.ResponseValue, []);

        int[] lengths = [4096, 4096, 1808];
        foreach (int length in lengths)
        {
            var (id, type, body) = Unwrap(await raw.ReceiveAsync());
            Assert.Equal((10, 0, length), (id, type, body.Length));
        }

        AssertPacket(await raw.ReceiveAsync(), 11, 0, Array.Empty<byte>());
        AssertPacket(await raw.ReceiveAsync(), 11, 0, new byte[] { 0, 1, 0, 0 });
    }

    [Fact]
    public async Task An_empty_output_is_one_empty_packet()
    {
        await using var server = EmulatedServer.Start();
        using var raw = await RawConnection.OpenAsync(server.EndPoint);
        await raw.AuthenticateAsync(server.Password, expectEmptyFirst: true);

        await raw.SendAsync(3, RconPacketType.ExecCommand, "sv_cheats 1");

        AssertPacket(await raw.ReceiveAsync(), 3, 0, Array.Empty<byte>());
        Assert.Equal("1", server.Console.Variables.Single(v => v.Name == "sv_cheats").Value);
    }

    [Fact]
    public async Task A_request_over_1024_bytes_drops_the_connection_and_bans_the_address()
    {
        await using var server = EmulatedServer.Start();
        using var raw = await RawConnection.OpenAsync(server.EndPoint);
        await raw.AuthenticateAsync(server.Password, expectEmptyFirst: true);

        await raw.SendAsync(3, RconPacketType.ExecCommand, "echo " + new string('x', 1011 - 5));

        Assert.Null(await raw.ReceiveAsync());
        Assert.True(server.IsBanned(IPAddress.Loopback));
        Assert.Empty(server.Console.ExecutedCommands);
    }

    [Fact]
    public async Task A_command_before_authentication_gets_the_failure_auth_response()
    {
        await using var server = EmulatedServer.Start();
        using var raw = await RawConnection.OpenAsync(server.EndPoint);

        await raw.SendAsync(3, RconPacketType.ExecCommand, "status");

        AssertPacket(await raw.ReceiveAsync(), -1, 2, Array.Empty<byte>());
        Assert.Empty(server.Console.ExecutedCommands);
    }

    [Fact]
    public async Task An_empty_password_refuses_every_authentication()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Password = string.Empty });
        using var raw = await RawConnection.OpenAsync(server.EndPoint);

        await raw.SendAsync(1, RconPacketType.Auth, string.Empty);
        await raw.ReceiveAsync();

        Assert.Equal(-1, Unwrap(await raw.ReceiveAsync()).Id);
    }

    [Fact]
    public async Task Fragmented_writes_deliver_the_same_bytes()
    {
        var options = new EmulatedServerOptions();
        options.Faults.FragmentSize = 1;
        await using var server = EmulatedServer.Start(options);
        using var raw = await RawConnection.OpenAsync(server.EndPoint);
        await raw.AuthenticateAsync(server.Password, expectEmptyFirst: true);

        await raw.SendAsync(4, RconPacketType.ExecCommand, "echo fragments");

        AssertPacket(await raw.ReceiveAsync(), 4, 0, Encoding.UTF8.GetBytes("fragments\n"));
    }

    private static void AssertPacket((int Id, int Type, byte[] Body)? packet, int id, int type, byte[] body)
    {
        var (actualId, actualType, actualBody) = Unwrap(packet);
        Assert.Equal((id, type), (actualId, actualType));
        Assert.Equal(body, actualBody);
    }

    private static (int Id, int Type, byte[] Body) Unwrap((int Id, int Type, byte[] Body)? packet)
    {
        Assert.NotNull(packet);
        return packet.Value;
    }
}
