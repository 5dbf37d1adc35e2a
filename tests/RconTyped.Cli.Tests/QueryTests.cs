using System.Text.Json;
using System.Text.RegularExpressions;

namespace RconTyped.Cli.Tests;

/// <summary><c>rcon-typed query</c> against <c>rcon-typed serve</c>, which answers A2S at its RCON port.</summary>
public sealed class QueryTests
{
    [Fact]
    public async Task Query_prints_info_players_and_rules_as_json_from_serve()
    {
        await using var serve = new ServingCli(["serve", "--port", "0"], "serve-secret");
        Match listening = await serve.WaitForAsync(new Regex("listening on 127\\.0\\.0\\.1:(\\d+)"));
        string address = $"127.0.0.1:{listening.Groups[1].Value}";

        CliRun run = await CliRun.RunAsync(["query", address, "--players", "--rules", "--json"]);

        Assert.Equal(0, run.ExitCode);
        using JsonDocument line = JsonDocument.Parse(run.Out.Trim());
        JsonElement root = line.RootElement;
        Assert.Equal(address, root.GetProperty("server").GetString());
        JsonElement info = root.GetProperty("info");
        Assert.Equal("de_dust2", info.GetProperty("map").GetString());
        Assert.Equal(3, info.GetProperty("players").GetInt32());
        Assert.Equal(1, info.GetProperty("bots").GetInt32());
        Assert.Equal(int.Parse(listening.Groups[1].Value), info.GetProperty("gamePort").GetInt32());
        Assert.Equal(["Gordon", "Ärger ☆ Ümlaut", "Bot01"], root.GetProperty("players").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("800", root.GetProperty("rules").GetProperty("sv_gravity").GetString());
        Assert.False(root.GetProperty("rules").TryGetProperty("rcon_password", out _));
        Assert.DoesNotContain("serve-secret", run.Out);
    }

    [Fact]
    public async Task Query_prints_a_table_and_a_silent_server_is_a_timeout_exit_code()
    {
        await using var serve = new ServingCli(["serve", "--port", "0"], "serve-secret");
        Match listening = await serve.WaitForAsync(new Regex("listening on 127\\.0\\.0\\.1:(\\d+)"));
        using var silent = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        silent.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));

        CliRun run = await CliRun.RunAsync(["query", $"127.0.0.1:{listening.Groups[1].Value},{silent.LocalEndPoint}", "--players", "--timeout", "1"]);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("map de_dust2, players 3/24 (1 bots)", run.Out);
        Assert.Contains("Gordon", run.Out);
        Assert.Contains($"A2S_INFO to {silent.LocalEndPoint}: no answer within 1 s", run.Error);
    }

    [Fact]
    public async Task On_a_terminal_query_prints_tables()
    {
        await using var serve = new ServingCli(["serve", "--port", "0"], "serve-secret");
        Match listening = await serve.WaitForAsync(new Regex("listening on 127\\.0\\.0\\.1:(\\d+)"));

        CliRun run = await CliRun.RunAsync(["query", $"127.0.0.1:{listening.Groups[1].Value}", "--players", "--rules"], outputTerminal: true);

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Out.Split('\n');
        Assert.Contains(lines, l => l.Contains("player", StringComparison.Ordinal) && l.Contains("score", StringComparison.Ordinal) && l.Contains('│'));
        Assert.Contains(lines, l => l.Contains("Gordon", StringComparison.Ordinal) && l.Contains("00:05:00", StringComparison.Ordinal) && l.Contains('│'));
        Assert.Contains(lines, l => l.Contains("sv_gravity", StringComparison.Ordinal) && l.Contains("800", StringComparison.Ordinal) && l.Contains('│'));
        Assert.DoesNotContain("\u001b[", run.Out); // no colour codes: this console has UseColor off
    }

    [Fact]
    public async Task Serve_with_a_real_dump_answers_its_long_rule_list_compressed_and_query_reads_it_whole()
    {
        string dump = Path.Combine(AppContext.BaseDirectory, "data", "cvarlists", "tf2-dgibbs64.cvarlist.txt");
        await using var serve = new ServingCli(["serve", "--port", "0", "--cvarlist", dump, "--query-compress"], "serve-secret");
        Match listening = await serve.WaitForAsync(new Regex("listening on 127\\.0\\.0\\.1:(\\d+)"));

        CliRun run = await CliRun.RunAsync(["query", $"127.0.0.1:{listening.Groups[1].Value}", "--rules", "--json"]);

        Assert.Equal(0, run.ExitCode);
        using JsonDocument line = JsonDocument.Parse(run.Out.Trim());
        JsonElement rules = line.RootElement.GetProperty("rules");
        Assert.True(rules.EnumerateObject().Count() > 1000, $"{rules.EnumerateObject().Count()} rules: far more than one datagram holds");
        Assert.Equal("800", rules.GetProperty("sv_gravity").GetString());
        Assert.False(rules.TryGetProperty("rcon_password", out _));

        // And the pieces were compressed: the split answer's id has its high bit set.
        byte[] firstPiece = await FirstRulesDatagramAsync(int.Parse(listening.Groups[1].Value));
        Assert.Equal(new byte[] { 0xFE, 0xFF, 0xFF, 0xFF }, firstPiece[..4]);
        Assert.True((firstPiece[7] & 0x80) != 0, "the split answer is not marked compressed");
    }

    /// <summary>A2S_RULES by hand: ask, take the challenge, ask again, and return the first datagram of the answer.</summary>
    private static async Task<byte[]> FirstRulesDatagramAsync(int port)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        socket.Connect(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
        byte[] buffer = new byte[2048];
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.SendAsync(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, (byte)'V', 0xFF, 0xFF, 0xFF, 0xFF }, guard.Token);
        int n = await socket.ReceiveAsync(buffer, guard.Token);
        Assert.Equal((9, (byte)'A'), (n, buffer[4]));
        await socket.SendAsync(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, (byte)'V', buffer[5], buffer[6], buffer[7], buffer[8] }, guard.Token);
        n = await socket.ReceiveAsync(buffer, guard.Token);
        return buffer[..n];
    }

    [Fact]
    public async Task Serve_in_GoldSource_layout_is_read_as_GoldSource()
    {
        await using var serve = new ServingCli(["serve", "--port", "0", "--query-goldsource"], "serve-secret");
        Match listening = await serve.WaitForAsync(new Regex("listening on 127\\.0\\.0\\.1:(\\d+)"));

        CliRun run = await CliRun.RunAsync(["query", $"127.0.0.1:{listening.Groups[1].Value}", "--json"]);

        Assert.Equal(0, run.ExitCode);
        using JsonDocument line = JsonDocument.Parse(run.Out.Trim());
        Assert.Equal("GoldSource", line.RootElement.GetProperty("info").GetProperty("engine").GetString());
        Assert.Equal(3, line.RootElement.GetProperty("info").GetProperty("players").GetInt32());
    }

    [Fact]
    public async Task A_bad_address_or_timeout_is_a_usage_error()
    {
        Assert.Equal(1, (await CliRun.RunAsync(["query", "127.0.0.1:99999"])).ExitCode);
        Assert.Equal(1, (await CliRun.RunAsync(["query", "127.0.0.1:27015", "--timeout", "0"])).ExitCode);
    }
}
