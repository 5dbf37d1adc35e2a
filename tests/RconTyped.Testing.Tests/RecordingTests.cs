using System.Text;

namespace RconTyped.Testing.Tests;

public class RecordingTests
{
    private static readonly Recording Sample = new(
        "10.0.0.5:27015",
        new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero),
        [
            new RecordedExchange("status", Encoding.UTF8.GetBytes("hostname: real\n"), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(12.5)),
            new RecordedExchange("echo x", [0x63, 0x61, 0x66, 0xE9, 0x0A], TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(3)),
            new RecordedExchange("changelevel de_nuke", null, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(10)),
            new RecordedExchange("status", Encoding.UTF8.GetBytes("hostname: changed\n"), TimeSpan.FromSeconds(11), TimeSpan.FromMilliseconds(9)),
        ]);

    [Fact]
    public void A_recording_round_trips()
    {
        Recording read = RecordingFile.Read(RecordingFile.Write(Sample));

        Assert.Equal((Sample.Server, Sample.StartedUtc), (read.Server, read.StartedUtc));
        Assert.Equal(Sample.Exchanges.Count, read.Exchanges.Count);
        for (int i = 0; i < Sample.Exchanges.Count; i++)
        {
            Assert.Equal(Sample.Exchanges[i].Command, read.Exchanges[i].Command);
            Assert.Equal(Sample.Exchanges[i].Response, read.Exchanges[i].Response);
            Assert.Equal(Sample.Exchanges[i].Started, read.Exchanges[i].Started);
            Assert.Equal(Sample.Exchanges[i].Duration, read.Exchanges[i].Duration);
        }
    }

    [Fact]
    public void Every_truncation_of_a_recording_is_a_clear_error_never_a_crash()
    {
        byte[] bytes = RecordingFile.Write(Sample);
        for (int length = 0; length < bytes.Length; length++)
        {
            var e = Assert.Throws<RecordingFormatException>(() => RecordingFile.Read(bytes.AsMemory(0, length), "cut.msgpack"));
            Assert.Contains("cut.msgpack", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Foreign_and_corrupt_files_are_refused_with_what_is_wrong()
    {
        var foreign = Assert.Throws<RecordingFormatException>(() => RecordingFile.Read(Encoding.UTF8.GetBytes("{\"not\": \"a recording\"}"), "notes.json"));
        Assert.Contains("not an rcon-typed recording", foreign.Message, StringComparison.Ordinal);

        byte[] bytes = RecordingFile.Write(Sample);
        byte[] extra = [.. bytes, 0xC0];
        Assert.Contains("damaged", Assert.Throws<RecordingFormatException>(() => RecordingFile.Read(extra)).Message, StringComparison.Ordinal);

        var random = new Random(1234);
        for (int i = 0; i < 200; i++)
        {
            byte[] noise = new byte[random.Next(1, 64)];
            random.NextBytes(noise);
            Assert.Throws<RecordingFormatException>(() => RecordingFile.Read(noise));
        }
    }

    [Fact]
    public void A_newer_version_says_so()
    {
        byte[] bytes = RecordingFile.Write(Sample);
        int at = IndexOf(bytes, Encoding.UTF8.GetBytes("version")) + "version".Length;
        bytes[at] = 0x02; // positive fixint 2

        var e = Assert.Throws<RecordingFormatException>(() => RecordingFile.Read(bytes));
        Assert.Contains("version 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replay_answers_byte_for_byte_in_recorded_order()
    {
        await using var replay = ReplayServer.Start(Sample);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var client = new RconClient(replay.EndPoint, new RconClientOptions { CommandTimeout = TimeSpan.FromSeconds(1), TimeProvider = time });
        await client.ConnectAsync();
        await client.AuthenticateAsync(replay.Password);

        Assert.Equal("hostname: real\n", await client.ExecuteAsync("status"));
        Assert.Equal(Sample.Exchanges[1].Response, (await client.ExecuteRawAsync("echo x")).Body.ToArray());
        Task<string> changelevel = client.ExecuteAsync("changelevel de_nuke");
        time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<RconTimeoutException>(() => changelevel);
        Assert.Equal("hostname: changed\n", await client.ExecuteAsync("status"));
        Assert.Equal("hostname: changed\n", await client.ExecuteAsync("status"));
        Assert.StartsWith("Unknown command \"kick\" (not in the recording)", await client.ExecuteAsync("kick bob"), StringComparison.Ordinal);
        Assert.Equal(["kick bob"], replay.UnknownCommands);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }
}
