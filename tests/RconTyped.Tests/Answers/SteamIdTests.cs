namespace RconTyped.Tests.Answers;

public class SteamIdTests
{
    [Theory]
    [InlineData("STEAM_0:0:7390944", 76561197975047616UL)]
    [InlineData("STEAM_1:0:7390944", 76561197975047616UL)]
    [InlineData("STEAM_1:1:82178006", 76561198124621741UL)]
    [InlineData("[U:1:29162964]", 76561197989428692UL)]
    [InlineData("76561197989428692", 76561197989428692UL)]
    [InlineData("[A:1:1871475725:44792]", 90264374594008077UL)]
    [InlineData("[A:1:2512262174:28597]", 90194818239435806UL)]
    [InlineData(" [U:1:1] ", 76561197960265729UL)]
    public void Every_printed_form_gives_the_64_bit_id(string text, ulong id64)
    {
        Assert.True(SteamId.TryParse(text, out SteamId id));
        Assert.Equal(id64, id.Id64);
        Assert.Equal(id, SteamId.Parse(text));
    }

    [Fact]
    public void Steam2_and_Steam3_forms_round_trip()
    {
        SteamId player = SteamId.Parse("STEAM_0:1:82178006");

        Assert.Equal("STEAM_1:1:82178006", player.ToSteam2());
        Assert.Equal("[U:1:164356013]", player.ToSteam3());
        Assert.Equal(player, SteamId.Parse(player.ToSteam3()));
        Assert.Equal(player, SteamId.Parse(player.ToSteam2()));
        Assert.Equal("[A:1:1871475725:44792]", SteamId.Parse("90264374594008077").ToSteam3());
        Assert.Equal("[G:1:123]", SteamId.Parse("[G:1:123]").ToString());
        Assert.True(SteamId.Parse("[U:1:5]") != SteamId.Parse("[U:1:6]"));
        Assert.Equal(SteamId.Parse("[U:1:5]").GetHashCode(), SteamId.Parse("STEAM_0:1:2").GetHashCode());
    }

    [Theory]
    [InlineData("")]
    [InlineData("BOT")]
    [InlineData("STEAM_1:2:5")]
    [InlineData("STEAM_1:0")]
    [InlineData("STEAM_1:0:-5")]
    [InlineData("[X:1:5]")]
    [InlineData("[U:1:5:6:7]")]
    [InlineData("[U:1:99999999999]")]
    [InlineData("12345678901234567")]
    [InlineData("765611979892886920")]
    [InlineData("[U:1:5")]
    public void Anything_else_is_refused_without_an_exception(string text)
    {
        Assert.False(SteamId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => SteamId.Parse(text));
    }

    [Fact]
    public void Any_account_round_trips_through_every_form_and_random_text_never_throws()
    {
        var random = new Random(20261130);
        for (int i = 0; i < 10_000; i++)
        {
            var player = SteamId.Parse($"[U:1:{(uint)random.NextInt64(0, uint.MaxValue)}]");
            Assert.Equal(player, SteamId.Parse(player.ToSteam2()));
            Assert.Equal(player, SteamId.Parse(player.ToSteam3()));
            Assert.Equal(player, SteamId.Parse(player.Id64.ToString(System.Globalization.CultureInfo.InvariantCulture)));

            const string Alphabet = "STEAM_[]:UAG0123456789 ";
            string noise = new([.. Enumerable.Range(0, random.Next(0, 30)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            SteamId.TryParse(noise, out _);
        }
    }
}
