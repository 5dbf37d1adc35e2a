using System.Text.Json;
using RconTyped.Testing;

namespace RconTyped.Cli.Tests;

/// <summary>Several commands in one run: <c>-e</c> again and again, <c>--file</c>, <c>--keep-going</c>, <c>--json</c>.</summary>
public class CommandScriptTests
{
    [Fact]
    public async Task Each_execute_runs_in_order_on_one_connection()
    {
        await using var server = EmulatedServer.Start();

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "echo a", "-e", "echo b", "-e", "echo c"], environmentPassword: server.Password);

        Assert.Equal((0, "a\nb\nc\n", string.Empty), (run.ExitCode, run.Out, run.Error));
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task Executes_and_a_file_work_against_rcon_typed_serve()
    {
        await using var serve = new ServingCli(["serve", "--port", "0"], "serve-secret");
        System.Text.RegularExpressions.Match listening = await serve.WaitForAsync(new System.Text.RegularExpressions.Regex("listening on 127\\.0\\.0\\.1:(\\d+)"));
        string file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "# from a file\necho from file\n");
        try
        {
            CliRun run = await CliRun.RunAsync([$"127.0.0.1:{listening.Groups[1].Value}", "-e", "echo a", "-e", "echo b", "--file", file], environmentPassword: "serve-secret");

            Assert.Equal((0, "a\nb\nfrom file\n"), (run.ExitCode, run.Out));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_run_stops_at_the_first_failure_and_exits_with_its_code()
    {
        await using EmulatedServer server = StartWithABadCommand();

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "echo a", "-e", "latin", "-e", "echo b"], environmentPassword: server.Password);

        Assert.Equal((5, "a\n"), (run.ExitCode, run.Out));
        Assert.Contains("--encoding", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("echo b", server.Console.ExecutedCommands);
    }

    [Fact]
    public async Task Keep_going_runs_every_command_and_still_exits_with_the_first_failure()
    {
        await using EmulatedServer server = StartWithABadCommand();

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "echo a", "-e", "latin", "-e", "echo b", "--keep-going"], environmentPassword: server.Password);

        Assert.Equal((5, "a\nb\n"), (run.ExitCode, run.Out));
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Json_prints_one_object_a_command_with_the_answer_or_the_error()
    {
        await using EmulatedServer server = StartWithABadCommand();

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "echo a", "-e", "latin", "-e", "echo b", "--keep-going", "--json"], environmentPassword: server.Password);

        JsonElement[] lines = [.. run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];
        Assert.Equal(5, run.ExitCode);
        Assert.Equal(["echo a", "latin", "echo b"], lines.Select(line => line.GetProperty("command").GetString()));
        Assert.Equal("a\n", lines[0].GetProperty("response").GetString());
        Assert.False(lines[1].TryGetProperty("response", out _));
        Assert.Contains("--encoding", lines[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(lines[2].TryGetProperty("error", out _));
        Assert.All(lines, line => Assert.Equal($"127.0.0.1:{server.Port}", line.GetProperty("server").GetString()));
    }

    [Fact]
    public async Task A_file_runs_after_the_executes_skipping_blank_lines_and_comments()
    {
        await using var server = EmulatedServer.Start();
        string file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "# warm-up\n\necho one\n   echo two   \n#echo never\n\r\necho three\r\n");
        try
        {
            CliRun run = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "echo first", "--file", file], environmentPassword: server.Password);

            Assert.Equal((0, "first\none\ntwo\nthree\n"), (run.ExitCode, run.Out));
            Assert.DoesNotContain("echo never", server.Console.ExecutedCommands);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_missing_file_or_one_without_commands_is_a_usage_error()
    {
        string empty = Path.GetTempFileName();
        await File.WriteAllTextAsync(empty, "# nothing\n\n");
        try
        {
            CliRun missing = await CliRun.RunAsync(["127.0.0.1:1", "--file", "/nonexistent/script.txt"]);
            CliRun none = await CliRun.RunAsync(["127.0.0.1:1", "--file", empty]);

            Assert.Equal((1, 1), (missing.ExitCode, none.ExitCode));
            Assert.Contains("cannot read '/nonexistent/script.txt'", missing.Error, StringComparison.Ordinal);
            Assert.Contains("has no commands", none.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Fact]
    public async Task Several_servers_get_each_command_in_turn()
    {
        await using var first = EmulatedServer.Start(new EmulatedServerOptions { Password = "shared" });
        await using var second = EmulatedServer.Start(new EmulatedServerOptions { Password = "shared" });
        string servers = $"127.0.0.1:{first.Port},127.0.0.1:{second.Port}";

        CliRun run = await CliRun.RunAsync([servers, "-e", "echo a", "-e", "echo b"], environmentPassword: "shared");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"== 127.0.0.1:{first.Port} ==\na\n== 127.0.0.1:{second.Port} ==\na\n== 127.0.0.1:{first.Port} ==\nb\n== 127.0.0.1:{second.Port} ==\nb\n", run.Out);
    }

    /// <summary>A server with a command whose answer is not UTF-8 (a Latin-1 server, read as UTF-8): it fails with exit code 5 and leaves the connection usable.</summary>
    private static EmulatedServer StartWithABadCommand()
    {
        EmulatedServer server = EmulatedServer.Start(new EmulatedServerOptions { Encoding = System.Text.Encoding.Latin1 });
        server.Console.AddCommand("latin", _ => "caf\u00e9");
        return server;
    }
}
