using RconTyped.Protocol;

namespace RconTyped.Testing.Tests;

public class Cs2ModeTests
{
    [Fact]
    public async Task A_long_answer_is_one_packet_and_the_empty_packet_is_ignored()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Cs2 });
        server.Console.AddCommand("big", _ => new string('q', 100_000));
        using var raw = await RawConnection.OpenAsync(server.EndPoint);
        await raw.AuthenticateAsync(server.Password, expectEmptyFirst: false);

        await raw.SendAsync(2, RconPacketType.ExecCommand, "big");
        await raw.SendAsync(3, RconPacketType.ResponseValue, []);
        await raw.SendAsync(4, RconPacketType.ExecCommand, "echo after");

        var big = await raw.ReceiveAsync();
        Assert.Equal((2, 100_000), (big!.Value.Id, big.Value.Body.Length));
        var after = await raw.ReceiveAsync();
        Assert.Equal(4, after!.Value.Id);
    }

    [Fact]
    public async Task A_bare_query_answers_name_equals_value()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Cs2 });

        Assert.Equal("sv_gravity = 800\n", server.Console.Execute("sv_gravity"));
    }
}
