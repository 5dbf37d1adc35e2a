using System.Text.Json;
using System.Text.RegularExpressions;
using RconTyped.Logs;

namespace RconTyped.Cli.Tests;

public class LogsTests
{
    [Fact]
    public async Task Logs_registers_with_a_served_match_prints_its_events_and_removes_itself_when_stopped()
    {
        await using var serve = new ServingCli(["serve", "--port", "0", "--match"], "log-secret");
        Match listening = await serve.WaitForAsync(new Regex("listening on 127\\.0\\.0\\.1:(\\d+)"));
        string server = $"127.0.0.1:{listening.Groups[1].Value}";

        await using var logs = new ServingCli(["logs", server, "--listen", "127.0.0.1:0", "--json", "--filter", "kill,score"], "log-secret");
        await logs.WaitForAsync(new Regex("\"type\":\"TeamScore\""));
        Assert.Equal(0, await logs.StopAsync());

        JsonElement[] events = [.. logs.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];
        Assert.All(events, e => Assert.Contains(e.GetProperty("type").GetString(), new[] { "PlayerKilled", "TeamScore" }));
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "PlayerKilled" && e.GetProperty("killer").GetProperty("name").GetString() == "Gordon");
        CliRun list = await CliRun.RunAsync([server, "-e", "logaddress_list"], environmentPassword: "log-secret");
        Assert.Contains("no addresses", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_over_HTTP_from_a_CS2_server_shows_chat()
    {
        await using var serve = new ServingCli(["serve", "--port", "0", "--mode", "cs2"], "log-secret");
        Match listening = await serve.WaitForAsync(new Regex("listening on 127\\.0\\.0\\.1:(\\d+)"));
        string server = $"127.0.0.1:{listening.Groups[1].Value}";

        await using var logs = new ServingCli(["logs", server, "--http", "--listen", "127.0.0.1:0", "--filter", "say"], "log-secret");
        // The logs command registers itself a moment after it starts: say something until it shows.
        for (int i = 0; i < 100 && !logs.Output.Contains("Console: via http", StringComparison.Ordinal); i++)
        {
            CliRun say = await CliRun.RunAsync([server, "-e", "say via http"], environmentPassword: "log-secret");
            Assert.Equal(0, say.ExitCode);
            await Task.Delay(100);
        }

        Assert.Contains("Console: via http", logs.Output, StringComparison.Ordinal);
        Assert.Equal(0, await logs.StopAsync());
        CliRun list = await CliRun.RunAsync([server, "-e", "logaddress_list_http"], environmentPassword: "log-secret");
        Assert.Contains("no http listeners", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_HTTP_secret_is_never_printed_and_a_post_to_it_is_read()
    {
        await using var logs = new ServingCli(["logs", "--http", "--listen", "127.0.0.1:0", "--filter", "world"], "unused", new Dictionary<string, string> { [LogsCommand.SecretVariable] = "topsecret" });
        for (int i = 0; i < 100 && !logs.ErrorOutput.Contains("(HTTP)", StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
        }

        Match url = new Regex("http://127\\.0\\.0\\.1:(\\d+)/\\*\\*\\*").Match(logs.ErrorOutput);
        Assert.True(url.Success, logs.ErrorOutput);
        using var http = new HttpClient();
        using var content = new StringContent("11/30/2026 - 12:00:00.000 - World triggered \"Round_Start\"\n");
        HttpResponseMessage response = await http.PostAsync($"http://127.0.0.1:{url.Groups[1].Value}/topsecret", content);
        for (int i = 0; i < 100 && !logs.Output.Contains("Round_Start", StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("world: Round_Start", logs.Output, StringComparison.Ordinal);
        Assert.Equal(0, await logs.StopAsync());
        Assert.DoesNotContain("topsecret", logs.Output + logs.ErrorOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_or_busy_listen_address_is_a_usage_error()
    {
        using var busy = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        int port = ((System.Net.IPEndPoint)busy.Client.LocalEndPoint!).Port;

        CliRun malformed = await CliRun.RunAsync(["logs", "--listen", "here:there"]);
        CliRun taken = await CliRun.RunAsync(["logs", "--listen", $"127.0.0.1:{port}"]);

        Assert.Equal((1, 1), (malformed.ExitCode, taken.ExitCode));
        Assert.Contains("is not ADDRESS:PORT", malformed.Error, StringComparison.Ordinal);
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", taken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_logs_help_shows_its_own_address_only()
    {
        CliRun help = await CliRun.RunAsync(["logs", "--help"]);

        Assert.Equal(0, help.ExitCode);
        Assert.Equal(2, help.Out.Split("<address>").Length - 1);   // the usage line and the argument's row
        Assert.Contains("The server to register with", help.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Without --execute", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_filter_is_a_usage_error()
    {
        CliRun run = await CliRun.RunAsync(["logs", "--listen", "127.0.0.1:0", "--filter", "kill,nonsense"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("unknown event 'nonsense'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_filter_knows_every_event_kind_by_name()
    {
        Type[] kinds = [.. typeof(LogEvent).Assembly.GetExportedTypes().Where(type => type.IsSubclassOf(typeof(LogEvent)))];

        Assert.True(kinds.Length > 40);
        Assert.All(kinds, kind => Assert.True(LogEventFilter.Parse(kind.Name[..^"Event".Length]).Allows((LogEvent)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(kind)), kind.Name));
    }

    [Fact]
    public void Events_are_coloured_only_when_asked()
    {
        LogEvent kill = LogEvent.Parse("L 11/30/2026 - 12:00:00: \"a<2><BOT><CT>\" killed \"b<3><BOT><TERRORIST>\" with \"ak47\" (headshot)");

        Assert.Equal("12:00:00 a killed b with ak47 (headshot)", LogEventPrinter.Text(kill, color: false));
        Assert.Equal("12:00:00 \u001b[31ma killed b with ak47 (headshot)\u001b[0m", LogEventPrinter.Text(kill, color: true));
    }
}
