using System.Buffers.Binary;
using System.Text;
using RconTyped.Protocol;

namespace RconTyped.Testing.Tests;

public class PalworldModeTests
{
    [Fact]
    public async Task Answers_carry_id_0_and_the_empty_packet_is_ignored()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Palworld });
        using var raw = await RawConnection.OpenAsync(server.EndPoint);
        await raw.AuthenticateAsync(server.Password, expectEmptyFirst: false);

        await raw.SendAsync(7, RconPacketType.ExecCommand, "echo one");
        await raw.SendAsync(8, RconPacketType.ResponseValue, []);
        await raw.SendAsync(9, RconPacketType.ExecCommand, "echo two");

        var one = await raw.ReceiveAsync();
        var two = await raw.ReceiveAsync();
        Assert.Equal((0, 0, "one\n"), (one!.Value.Id, one.Value.Type, Encoding.UTF8.GetString(one.Value.Body)));
        Assert.Equal((0, 0, "two\n"), (two!.Value.Id, two.Value.Type, Encoding.UTF8.GetString(two.Value.Body)));
    }

    [Fact]
    public async Task A_non_ascii_answer_declares_every_utf8_byte_but_sends_as_many_fewer_as_the_text_has_multibyte_excess()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Palworld });
        server.Console.AddCommand("ShowPlayers", _ => "이름,1,2");
        using var raw = await RawConnection.OpenAsync(server.EndPoint);
        await raw.AuthenticateAsync(server.Password, expectEmptyFirst: false);

        await raw.SendAsync(2, RconPacketType.ExecCommand, "ShowPlayers");
        byte[] wire = await raw.ReceiveUntilQuietAsync(TimeSpan.FromMilliseconds(500));

        // "이름,1,2": 10 UTF-8 bytes in 6 UTF-16 units. The size field counts the 10 (plus 10), 4 bytes never come.
        byte[] whole = Encoding.UTF8.GetBytes("이름,1,2");
        Assert.Equal(whole.Length + 10, BinaryPrimitives.ReadInt32LittleEndian(wire));
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(wire.AsSpan(4)));
        Assert.Equal(RconCodec.GetPacketLength(whole.Length) - 4, wire.Length);
        Assert.Equal(whole[..^2], wire[RconCodec.HeaderLength..]);
    }
}
