using System.Text.RegularExpressions;

namespace RconTyped.Cli.Tests;

public class ServeTests
{
    [Fact]
    public async Task Serve_prints_its_address_answers_until_cancelled_and_loads_a_schema()
    {
        string schema = Path.Combine(AppContext.BaseDirectory, "schemas", "source-common.rcon.json");
        await using var serve = new ServingCli(["serve", "--port", "0", "--schema", schema], "serve-secret");
        Match listening = await serve.WaitForAsync(new Regex("listening on 127\\.0\\.0\\.1:(\\d+) \\((\\d+) entries; password from RCON_PASSWORD\\)"));
        int port = int.Parse(listening.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{port}"], environmentPassword: "serve-secret", input: "maxplayers 70\nmaxplayers\necho built-in still works\n");

        Assert.Equal(0, await serve.StopAsync());
        Assert.Equal("63", listening.Groups[2].Value);
        Assert.StartsWith("\"maxplayers\" = \"64\"", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("built-in still works\n", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("serve-secret", serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_in_palworld_mode_answers_a_client_using_the_palworld_dialect()
    {
        await using var serve = new ServingCli(["serve", "--port", "0", "--mode", "palworld"], "pal-secret");
        Match listening = await serve.WaitForAsync(new Regex("Emulated Palworld server listening on 127\\.0\\.0\\.1:(\\d+)"));
        int port = int.Parse(listening.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{port}", "-e", "echo 안녕 palworld", "--dialect", "palworld"], environmentPassword: "pal-secret");

        Assert.Equal(0, await serve.StopAsync());

        // "안녕" is 6 UTF-8 bytes in 2 UTF-16 units: the emulated server sends 4 bytes fewer than it declares, and the client
        // takes what arrived after its wait: the terminators and "d\n" are what is lost.
        Assert.Equal((0, "안녕 palworl\n"), (run.ExitCode, run.Out));
        Assert.Contains("probably incomplete", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_and_replay_report_a_port_in_use_instead_of_crashing()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        string port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string recording = Path.Combine(Path.GetTempPath(), $"rcon-typed-{Guid.NewGuid():N}.rconrec");
        await File.WriteAllBytesAsync(recording, RconTyped.Testing.RecordingFile.Write(new RconTyped.Testing.Recording("127.0.0.1:27015", DateTimeOffset.UnixEpoch, [])));

        try
        {
            CliRun serve = await CliRun.RunAsync(["serve", "--port", port]);
            CliRun replay = await CliRun.RunAsync(["serve", "--port", port, "--replay", recording]);

            Assert.Equal(2, serve.ExitCode);
            Assert.Contains($"cannot listen on 127.0.0.1:{port}", serve.Error, StringComparison.Ordinal);
            Assert.Equal(2, replay.ExitCode);
            Assert.Contains($"cannot listen on 127.0.0.1:{port}", replay.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(recording);
        }
    }

    [Fact]
    public async Task Serve_refuses_a_missing_file_and_both_sources_at_once()
    {
        CliRun missing = await CliRun.RunAsync(["serve", "--cvarlist", "/nonexistent/file.txt", "--port", "0"]);
        CliRun both = await CliRun.RunAsync(["serve", "--cvarlist", "a", "--schema", "b"]);

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
        Assert.Equal(1, both.ExitCode);
    }
}
