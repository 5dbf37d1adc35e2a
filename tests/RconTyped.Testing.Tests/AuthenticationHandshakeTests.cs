using RconTyped.Protocol;

namespace RconTyped.Testing.Tests;

/// <summary>What each mode sends for a right password: the handshake that <c>RconDialect.Auto</c> reads.</summary>
public class AuthenticationHandshakeTests
{
    [Theory]
    [InlineData(EmulatedServerMode.Source, true)]
    [InlineData(EmulatedServerMode.Squad, true)]
    [InlineData(EmulatedServerMode.Factorio, true)]
    [InlineData(EmulatedServerMode.Ark, true)]
    [InlineData(EmulatedServerMode.Rust, true)]
    [InlineData(EmulatedServerMode.Cs2, false)]
    [InlineData(EmulatedServerMode.Minecraft, false)]
    [InlineData(EmulatedServerMode.ConanExiles, false)]
    [InlineData(EmulatedServerMode.Palworld, false)]
    public async Task Auth_is_answered_with_the_request_id_after_an_empty_response_value_only_where_the_game_sends_one(EmulatedServerMode mode, bool emptyFirst)
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = mode });
        using var raw = await RawConnection.OpenAsync(server.EndPoint);

        await raw.SendAsync(42, RconPacketType.Auth, server.Password);

        if (emptyFirst)
        {
            var empty = await raw.ReceiveAsync();
            Assert.Equal((42, 0, 0), (empty!.Value.Id, empty.Value.Type, empty.Value.Body.Length));
        }

        var verdict = await raw.ReceiveAsync();
        Assert.Equal((42, 2, 0), (verdict!.Value.Id, verdict.Value.Type, verdict.Value.Body.Length));
    }
}
