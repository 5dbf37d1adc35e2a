using Microsoft.Extensions.Time.Testing;
using RconTyped.Testing;

namespace RconTyped.Cli.Tests;

public class ExecuteModeTests
{
    [Fact]
    public async Task Execute_prints_the_answer_and_exits_0()
    {
        await using var server = EmulatedServer.Start();

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "--execute", "echo hi"], environmentPassword: server.Password);

        Assert.Equal((0, "hi\n", string.Empty), (run.ExitCode, run.Out, run.Error));
    }

    [Fact]
    public async Task A_one_mebibyte_answer_is_printed_whole()
    {
        await using var server = EmulatedServer.Start();
        string big = new('m', 1024 * 1024);
        server.Console.AddCommand("big", _ => big);

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "big"], environmentPassword: server.Password);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(big + "\n", run.Out);
    }

    [Fact]
    public async Task A_wrong_password_exits_3_with_one_clear_line_and_no_password()
    {
        await using var server = EmulatedServer.Start();

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "status"], environmentPassword: "Wrong-Pass-77");

        Assert.Equal(3, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith("rcon-typed: error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("rejected the RCON password", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong-Pass-77", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task A_password_on_the_command_line_works_but_warns()
    {
        await using var server = EmulatedServer.Start();

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "echo ok", "--password", server.Password]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("ok\n", run.Out);
        Assert.Contains("warning", run.Error, StringComparison.Ordinal);
        Assert.Contains("RCON_PASSWORD", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Password, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_password_is_prompted_for_on_a_terminal()
    {
        await using var server = EmulatedServer.Start();

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "echo typed"], inputRedirected: false, typedPassword: server.Password);

        Assert.Equal((0, "typed\n"), (run.ExitCode, run.Out));
    }

    [Fact]
    public async Task No_password_and_no_terminal_is_a_usage_error()
    {
        CliRun run = await CliRun.RunAsync(["127.0.0.1:1", "-e", "status"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("RCON_PASSWORD", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_exits_2()
    {
        int port;
        await using (var server = EmulatedServer.Start())
        {
            port = server.Port;
        }

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{port}", "-e", "status"], environmentPassword: "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("connection refused", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ban_exits_3_and_says_how_to_lift_it()
    {
        await using var server = EmulatedServer.Start();
        server.Options.MaxAuthFailures = 1;
        await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "status"], environmentPassword: "wrong");

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "status"], environmentPassword: server.Password);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("removeip", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_answer_in_time_exits_4()
    {
        var options = new EmulatedServerOptions();
        options.Faults.UnansweredCommands.Add("changelevel");
        await using var server = EmulatedServer.Start(options);

        var time = new FakeTimeProvider();
        Task<CliRun> running = CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "changelevel de_nuke", "--timeout", "4"], environmentPassword: server.Password, time: time);
        await UnansweredCommand.TimeOutAsync(server, "changelevel de_nuke", time, TimeSpan.FromSeconds(4));
        CliRun run = await running;

        Assert.True(run.ExitCode == 4, run.Error);
        Assert.Contains("No complete answer", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_encoding_option_decodes_a_latin1_server()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Encoding = System.Text.Encoding.Latin1 });
        server.Console.AddCommand("latin", _ => "caf\u00e9");

        CliRun strict = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "latin"], environmentPassword: server.Password);
        CliRun latin = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "latin", "--encoding", "latin1"], environmentPassword: server.Password);

        Assert.Equal(5, strict.ExitCode);
        Assert.Contains("--encoding", strict.Error, StringComparison.Ordinal);
        Assert.Equal((0, "café\n"), (latin.ExitCode, latin.Out));
    }

    [Theory]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "-3")]
    [InlineData("--dialect", "quake")]
    [InlineData("--encoding", "klingon")]
    [InlineData("--bogus", "1")]
    public async Task Bad_options_are_usage_errors(string option, string value)
    {
        CliRun run = await CliRun.RunAsync(["127.0.0.1", "-e", "status", option, value], environmentPassword: "x");

        Assert.Equal(1, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }

    [Theory]
    [InlineData("host:99999")]
    [InlineData("[::1")]
    public async Task A_bad_address_is_a_usage_error(string address)
    {
        CliRun run = await CliRun.RunAsync([address, "-e", "status"], environmentPassword: "x");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("rcon-typed: error:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_options()
    {
        CliRun run = await CliRun.RunAsync(["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--execute", run.Out, StringComparison.Ordinal);
        Assert.Contains("--password", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cs2_dialect_can_be_forced()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Cs2 });
        server.Console.AddCommand("big", _ => new string('c', 100_000));

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "big", "--dialect", "cs2"], environmentPassword: server.Password);

        Assert.Equal((0, 100_001), (run.ExitCode, run.Out.Length));
    }

    [Fact]
    public async Task The_minecraft_dialect_gets_whole_split_answers()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Minecraft });
        server.Console.AddCommand("list", _ => new string('m', 20_000));

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "list", "--dialect", "minecraft"], environmentPassword: server.Password);

        Assert.Equal((0, 20_001), (run.ExitCode, run.Out.Length));
    }
}
