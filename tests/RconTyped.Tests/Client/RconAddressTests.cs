namespace RconTyped.Tests.Client;

public class RconAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:27016", "127.0.0.1", 27016)]
    [InlineData("example.org", "example.org", 27015)]
    [InlineData(" game.local:1 ", "game.local", 1)]
    [InlineData("[::1]:27020", "::1", 27020)]
    [InlineData("[::1]", "::1", 27015)]
    [InlineData("::1", "::1", 27015)]
    public void Addresses_parse_to_host_and_port(string address, string host, int port)
    {
        Assert.Equal((host, port), RconAddress.Parse(address));
    }

    [Theory]
    [InlineData("")]
    [InlineData("host:")]
    [InlineData("host:0")]
    [InlineData("host:65536")]
    [InlineData("host:27o15")]
    [InlineData(":27015")]
    [InlineData("[::1")]
    [InlineData("[::1]x")]
    public void Bad_addresses_are_refused_with_a_message(string address)
    {
        var e = Assert.Throws<FormatException>(() => RconAddress.Parse(address));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }
}
