using System.Text;
using System.Text.RegularExpressions;
using RconTyped.Testing;

namespace RconTyped.Cli.Tests;

public class RecordReplayTests
{
    [Fact]
    public async Task A_recorded_session_replays_byte_for_byte()
    {
        await using var live = EmulatedServer.Start(new EmulatedServerOptions { Encoding = Encoding.Latin1 });
        live.Console.AddCommand("latin", _ => "caf\u00e9");
        string file = Path.Combine(Path.GetTempPath(), "rcon-typed-tests", Guid.NewGuid().ToString("N"), "session.msgpack");

        CliRun record = await CliRun.RunAsync(["record", $"127.0.0.1:{live.Port}", "--out", file, "--encoding", "latin1"], environmentPassword: live.Password, input: "status\nsv_gravity 600\nsv_gravity\nlatin\n");
        Assert.Equal(0, record.ExitCode);
        Assert.Contains("recorded 4 commands", record.Error, StringComparison.Ordinal);

        Recording recording = RecordingFile.Read(File.ReadAllBytes(file));
        Assert.Equal(["status", "sv_gravity 600", "sv_gravity", "latin"], recording.Exchanges.Select(e => e.Command));
        Assert.Equal(new byte[] { 0x63, 0x61, 0x66, 0xE9 }, recording.Exchanges[3].Response);

        await using var serve = new ServingCli(["serve", "--replay", file, "--port", "0"], "replay-pw");
        Match listening = await serve.WaitForAsync(new Regex(@"on 127\.0\.0\.1:(\d+)"));
        int port = int.Parse(listening.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        await using var client = new RconClient("127.0.0.1", port);
        await client.ConnectAsync();
        await client.AuthenticateAsync("replay-pw");
        foreach (RecordedExchange exchange in recording.Exchanges)
        {
            RconResponse replayed = await client.ExecuteRawAsync(exchange.Command);
            Assert.Equal(exchange.Response, replayed.Body.ToArray());
        }

        Assert.Equal(recording.Exchanges.Select(e => e.Response), (await Task.WhenAll(recording.Exchanges.Select(async e => (await client.ExecuteRawAsync(e.Command)).Body.ToArray()))).Cast<byte[]?>());
        Assert.Equal(0, await serve.StopAsync());
    }

    [Fact]
    public async Task A_corrupt_recording_is_refused_with_a_clear_error()
    {
        string file = Path.Combine(Path.GetTempPath(), "rcon-typed-tests", Guid.NewGuid().ToString("N") + ".msgpack");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "this is not a recording");

        CliRun run = await CliRun.RunAsync(["serve", "--replay", file, "--port", "0"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not an rcon-typed recording", run.Error, StringComparison.Ordinal);
    }
}
