using System.Text;
using RconTyped.Testing;

namespace RconTyped.Tests.Client;

public class EncodingTests
{
    [Fact]
    public async Task Utf8_text_round_trips_even_when_split_mid_character()
    {
        await using var server = EmulatedServer.Start();
        // 4095 ASCII bytes then a 2-byte character: the packet boundary falls inside it.
        string text = new string('a', 4095) + "é€😀 done";
        server.Console.AddCommand("utf", _ => text);
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        Assert.Equal(text, await client.ExecuteAsync("utf").WaitAsync(Connect.Guard));
        Assert.Equal("ünïcödé\n", await client.ExecuteAsync("echo ünïcödé").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task Invalid_bytes_raise_RconEncodingException_that_says_how_to_get_the_bytes()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Encoding = Encoding.Latin1 });
        server.Console.AddCommand("latin", _ => "caf\u00e9");
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        var e = await Assert.ThrowsAsync<RconEncodingException>(() => client.ExecuteAsync("latin").WaitAsync(Connect.Guard));
        Assert.Contains("ExecuteRawAsync", e.Message, StringComparison.Ordinal);
        Assert.Contains("0xE9", e.Message, StringComparison.Ordinal);

        RconResponse raw = await client.ExecuteRawAsync("latin").WaitAsync(Connect.Guard);
        Assert.Equal(new byte[] { 0x63, 0x61, 0x66, 0xE9 }, raw.Body.ToArray());
        Assert.Equal("ok\n", await client.ExecuteAsync("echo ok").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task Replacement_characters_by_option()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Encoding = Encoding.Latin1 });
        server.Console.AddCommand("latin", _ => "caf\u00e9");
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { ReplaceInvalidBytes = true });

        Assert.Equal("caf\uFFFD", await client.ExecuteAsync("latin").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task The_encoding_option_decodes_and_encodes_with_the_servers_charset()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Encoding = Encoding.Latin1 });
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Encoding = Encoding.Latin1 });

        Assert.Equal("café\n", await client.ExecuteAsync("echo café").WaitAsync(Connect.Guard));
        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.ExecuteAsync("echo €"));
        Assert.Contains("cannot encode", e.Message, StringComparison.Ordinal);
    }
}
