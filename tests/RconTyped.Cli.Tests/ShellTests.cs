using Microsoft.Extensions.Time.Testing;
using RconTyped.Testing;

namespace RconTyped.Cli.Tests;

public class ShellTests
{
    [Fact]
    public async Task Piped_lines_each_print_one_answer_and_the_shell_exits_0_at_the_end()
    {
        await using var server = EmulatedServer.Start();

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{server.Port}"], environmentPassword: server.Password, input: "echo a\necho b\n");

        Assert.Equal((0, "a\nb\n", string.Empty), (run.ExitCode, run.Out, run.Error));
        Assert.Equal(["echo a", "echo b"], server.Console.ExecutedCommands);
    }

    [Fact]
    public async Task A_failing_line_is_reported_and_the_next_ones_still_run()
    {
        var options = new EmulatedServerOptions();
        options.Faults.UnansweredCommands.Add("changelevel");
        await using var server = EmulatedServer.Start(options);

        var time = new FakeTimeProvider();
        Task<CliRun> running = CliRun.RunAsync([$"127.0.0.1:{server.Port}", "--timeout", "4"], environmentPassword: server.Password, input: "changelevel x\necho after\n", time: time);
        await UnansweredCommand.TimeOutAsync(server, "changelevel x", time, TimeSpan.FromSeconds(4));
        CliRun run = await running;

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("after\n", run.Out);
        Assert.Contains("No complete answer", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shell_commands_connect_disconnect_and_exit()
    {
        await using var first = EmulatedServer.Start();
        await using var second = EmulatedServer.Start(new EmulatedServerOptions { Password = "other" });
        string input = $"""
            !connect 127.0.0.1:{second.Port} other
            echo on second
            !disconnect
            echo nowhere
            !connect 127.0.0.1:{first.Port}
            echo on first
            !exit
            echo never
            """;

        CliRun run = await CliRun.RunAsync([], environmentPassword: first.Password, input: input);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("on second\non first\n", run.Out);
        Assert.Contains("not connected", run.Error, StringComparison.Ordinal);
        Assert.Equal(["echo on second"], second.Console.ExecutedCommands);
        Assert.Equal(["echo on first"], first.Console.ExecutedCommands);
    }

    [Fact]
    public async Task Shutdown_asks_first_and_sends_exit_only_when_confirmed()
    {
        await using var server = EmulatedServer.Start();

        CliRun declined = await CliRun.RunAsync([$"127.0.0.1:{server.Port}"], environmentPassword: server.Password, input: "!shutdown\nn\necho still\n");
        CliRun confirmed = await CliRun.RunAsync([$"127.0.0.1:{server.Port}"], environmentPassword: server.Password, input: "!shutdown\ny\n");

        Assert.Contains("still", declined.Out, StringComparison.Ordinal);
        Assert.Equal(0, confirmed.ExitCode);
        // SendAsync returns once "exit" is written; the server runs it a moment later.
        for (int i = 0; i < 100 && server.Console.ExecutedCommands.Count < 2; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(["echo still", "exit"], server.Console.ExecutedCommands);
    }

    [Fact]
    public async Task Help_goes_to_the_server_when_connected_and_to_the_shell_when_not()
    {
        await using var server = EmulatedServer.Start();

        CliRun connected = await CliRun.RunAsync([$"127.0.0.1:{server.Port}"], environmentPassword: server.Password, input: "help sv_cheats\n");
        CliRun alone = await CliRun.RunAsync([], input: "help\n");

        Assert.StartsWith("\"sv_cheats\" = \"0\"", connected.Out, StringComparison.Ordinal);
        Assert.Contains("!connect HOST[:PORT]", alone.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_exits_with_its_code_when_piped()
    {
        CliRun run = await CliRun.RunAsync(["127.0.0.1:1"], environmentPassword: "x", input: "echo a\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
    }
}
