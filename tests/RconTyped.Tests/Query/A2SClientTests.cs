using System.Net;
using System.Net.Sockets;
using RconTyped.Query;
using RconTyped.Testing;

namespace RconTyped.Tests.Query;

/// <summary>The A2S client against the emulated server in every mode, and against hostile ones.</summary>
public sealed class A2SClientTests
{
    /// <summary>For queries that must succeed: a bound far past any loopback answer on a loaded machine, no retry to blur the counts.</summary>
    private static readonly A2SClientOptions Quick = new() { Timeout = TimeSpan.FromSeconds(10), Retries = 0 };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Info_round_trips_with_and_without_a_challenge(bool requireChallenge)
    {
        await using EmulatedServer server = EmulatedServer.Start();
        server.Options.Query.RequireChallenge = requireChallenge;
        await using var a2s = new A2SClient(Quick);

        ServerInfo info = await a2s.QueryInfoAsync(QueryEndPoint(server));

        Assert.Equal("RconTyped emulated server", info.Name);
        Assert.Equal(server.Console.Map, info.Map);
        Assert.Equal((3, 24, 1), (info.Players, info.MaxPlayers, info.Bots));
        Assert.Equal((ushort)server.Port, info.GamePort);
        Assert.Equal(requireChallenge ? 1 : 0, a2s.Statistics.Challenges);
    }

    [Fact]
    public async Task A_challenge_is_remembered_so_the_next_query_takes_one_round_trip()
    {
        await using EmulatedServer server = EmulatedServer.Start();
        await using var a2s = new A2SClient(Quick);

        await a2s.QueryInfoAsync(QueryEndPoint(server));
        (long sent, long challenges) = (a2s.Statistics.Sent, a2s.Statistics.Challenges);
        await a2s.QueryPlayersAsync(QueryEndPoint(server));
        await a2s.QueryInfoAsync(QueryEndPoint(server));

        Assert.Equal((2, 1), (sent, challenges)); // the first: asked, challenged, asked again
        Assert.Equal((4, 1), (a2s.Statistics.Sent, a2s.Statistics.Challenges)); // then one datagram each
    }

    [Fact]
    public async Task Players_and_rules_round_trip()
    {
        await using EmulatedServer server = EmulatedServer.Start();
        await using var a2s = new A2SClient(Quick);

        IReadOnlyList<QueryPlayer> players = await a2s.QueryPlayersAsync(QueryEndPoint(server));
        ServerRules rules = await a2s.QueryRulesAsync(QueryEndPoint(server));

        Assert.Equal(server.Console.Players.Select(p => p.Name), players.Select(p => p.Name));
        Assert.Equal(TimeSpan.FromSeconds(80), players[1].Duration);
        Assert.NotEmpty(rules);
        foreach (ConsoleVariable variable in server.Console.Variables)
        {
            if (variable.Name.Contains("password", StringComparison.Ordinal) || variable.Name.Contains("secret", StringComparison.Ordinal))
            {
                Assert.False(rules.ContainsKey(variable.Name), $"RULES answered {variable.Name}");
            }
            else
            {
                Assert.Equal(variable.Value, rules[variable.Name]);
            }
        }

        Assert.Contains("sv_password", server.Console.Variables.Select(v => v.Name)); // so the check above ran
    }

    [Theory]
    [InlineData(false, false, false, false)]
    [InlineData(true, false, false, false)]
    [InlineData(false, true, true, false)]
    [InlineData(true, true, true, false)]
    [InlineData(false, true, false, true)]
    public async Task Long_rule_lists_come_split_in_every_mode(bool compress, bool reverse, bool duplicate, bool goldSource)
    {
        await using EmulatedServer server = EmulatedServer.Start();
        EmulatedQueryOptions query = server.Options.Query;
        (query.Compress, query.ReversePieces, query.DuplicatePieces, query.GoldSource) = (compress, reverse, duplicate, goldSource);
        for (int i = 0; i < 400; i++)
        {
            // Values that do not compress to nothing, so a compressed answer still needs several pieces.
            query.ExtraRules[$"rule_{i:D3}"] = $"{unchecked((uint)i * 2654435761u):x8}{(uint)(i * 40503u) ^ 0x5bd1e995:x8}";
        }

        await using var a2s = new A2SClient(Quick);
        if (goldSource)
        {
            Assert.Equal(A2SEngine.GoldSource, (await a2s.QueryInfoAsync(QueryEndPoint(server))).Engine);
        }

        ServerRules rules = await a2s.QueryRulesAsync(QueryEndPoint(server));

        Assert.Equal($"{unchecked(3 * 2654435761u):x8}{(uint)(3 * 40503u) ^ 0x5bd1e995:x8}", rules["rule_003"]);
        Assert.Equal(server.Console.Variables.Count(v => !EmulatedQueryResponderSecrets(v)) + 400, rules.Count);
        Assert.False(rules.IsTruncated);
        Assert.True(a2s.Statistics.SplitPieces > 1);
        // Every piece came twice; the second copy of the piece that completed the answer finds no query left (stray).
        Assert.Equal(duplicate, a2s.Statistics.DuplicatePieces > 0);
    }

    [Fact]
    public async Task A_missing_piece_is_a_timeout_not_a_hang()
    {
        await using EmulatedServer server = EmulatedServer.Start();
        server.Options.Query.DropPiece = 1;
        for (int i = 0; i < 400; i++)
        {
            server.Options.Query.ExtraRules[$"rule_{i}"] = "value-value-value";
        }

        await using var a2s = new A2SClient(new A2SClientOptions { Timeout = TimeSpan.FromMilliseconds(300), Retries = 1 });

        A2STimeoutException e = await Assert.ThrowsAsync<A2STimeoutException>(() => a2s.QueryRulesAsync(QueryEndPoint(server)));

        Assert.Equal(2, e.Attempts);
        Assert.Equal(A2SQueryKind.Rules, e.Kind);
        Assert.Contains("A2S_RULES", e.Message);
        Assert.Equal(2, a2s.Statistics.Timeouts);
    }

    [Fact]
    public async Task The_three_queries_at_once_to_one_server_each_get_their_own_answer()
    {
        await using EmulatedServer server = EmulatedServer.Start();
        await using var a2s = new A2SClient(Quick);
        IPEndPoint endPoint = QueryEndPoint(server);

        Task<ServerInfo> info = a2s.QueryInfoAsync(endPoint);
        Task<IReadOnlyList<QueryPlayer>> players = a2s.QueryPlayersAsync(endPoint);
        Task<ServerRules> rules = a2s.QueryRulesAsync(endPoint);
        Task<ServerInfo> infoAgain = a2s.QueryInfoAsync(endPoint);
        await Task.WhenAll(info, players, rules, infoAgain);

        Assert.Equal(3, (await players).Count);
        Assert.Equal((await info).Name, (await infoAgain).Name);
        Assert.NotEmpty(await rules);
    }

    [Fact]
    public async Task Many_servers_answer_through_one_socket_as_they_arrive()
    {
        var servers = new List<EmulatedServer>();
        try
        {
            for (int i = 0; i < 12; i++)
            {
                EmulatedServer server = EmulatedServer.Start();
                server.Console.Execute($"hostname server-{i}");
                servers.Add(server);
            }

            await using var a2s = new A2SClient(new A2SClientOptions { Timeout = TimeSpan.FromSeconds(10), MaxConcurrentQueries = 4 });
            var names = new List<string>();
            await foreach (A2SResult<ServerInfo> result in a2s.QueryInfoManyAsync(servers.Select(QueryEndPoint)))
            {
                Assert.True(result.IsSuccess, result.Error?.Message);
                names.Add(result.Value!.Name);
            }

            Assert.Equal(Enumerable.Range(0, 12).Select(i => $"server-{i}").Order(), names.Order());
        }
        finally
        {
            foreach (EmulatedServer server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_a_result_with_its_error_not_an_exception()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using EmulatedServer server = EmulatedServer.Start();
        await using var a2s = new A2SClient(new A2SClientOptions { Timeout = TimeSpan.FromSeconds(2), Retries = 0 });

        var results = new List<A2SResult<ServerInfo>>();
        await foreach (A2SResult<ServerInfo> result in a2s.QueryInfoManyAsync([(IPEndPoint)silent.LocalEndPoint!, QueryEndPoint(server)]))
        {
            results.Add(result);
        }

        Assert.Equal(2, results.Count);
        Assert.IsType<A2STimeoutException>(Assert.Single(results, r => !r.IsSuccess).Error);
        Assert.Single(results, r => r.IsSuccess);
    }

    [Fact]
    public async Task A_caller_that_stops_reading_early_ends_the_queries_still_in_flight()
    {
        await using EmulatedServer server = EmulatedServer.Start();
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var silentEndPoint = (IPEndPoint)silent.LocalEndPoint!;
        await using var a2s = new A2SClient(new A2SClientOptions { Timeout = TimeSpan.FromSeconds(60), Retries = 0 });

        await foreach (A2SResult<ServerInfo> result in a2s.QueryInfoManyAsync([QueryEndPoint(server), silentEndPoint]))
        {
            Assert.True(result.IsSuccess);
            break; // the silent server's query is still waiting (60 s)
        }

        // A new INFO query to the silent server is sent at once only if the first one ended when the caller stopped:
        // queries of one kind to one server take turns.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Task<ServerInfo> second = a2s.QueryInfoAsync(silentEndPoint, patience.Token);
        byte[] buffer = new byte[64];
        for (int received = 0; received < 2; received++)
        {
            await silent.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), patience.Token);
        }

        patience.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
    }

    [Fact]
    public async Task IPv6_and_IPv4_servers_are_asked_at_once_through_a_socket_each()
    {
        await using EmulatedServer server = EmulatedServer.Start(); // 127.0.0.1
        using var v6 = new ScriptedUdpServer([[Info("v6")]], AddressFamily.InterNetworkV6);
        await using var a2s = new A2SClient(Quick);

        ServerInfo[] infos = await Task.WhenAll(a2s.QueryInfoAsync(v6.EndPoint), a2s.QueryInfoAsync(QueryEndPoint(server)));
        await v6.Completion;

        Assert.Equal(("v6", "RconTyped emulated server"), (infos[0].Name, infos[1].Name));
    }

    [Fact]
    public async Task An_answer_from_another_port_never_reaches_the_query()
    {
        // The "server" receives on one port and answers from another, as a spoofer elsewhere would have to.
        using var spoofed = new ScriptedUdpServer([[Info("x")]], replyFromAnotherPort: true);
        await using var a2s = new A2SClient(new A2SClientOptions { Timeout = TimeSpan.FromMilliseconds(400), Retries = 0 });

        await Assert.ThrowsAsync<A2STimeoutException>(() => a2s.QueryInfoAsync(spoofed.EndPoint));
        await spoofed.Completion;
        Assert.Equal(1, a2s.Statistics.Stray);
        Assert.Equal(0, a2s.Statistics.Answers);
    }

    [Fact]
    public async Task Hostile_datagrams_are_counted_and_the_real_answer_still_arrives()
    {
        byte[][] garbageThenAnswer =
        [
            [1, 2],                                                   // too short
            [0x12, 0x34, 0x56, 0x78, 0x49, 0, 0],                     // unknown header
            [0xFE, 0xFF, 0xFF, 0xFF, 1, 0, 0, 0, 0, 0],               // split with a total of 0
            [0xFF, 0xFF, 0xFF, 0xFF, (byte)'D', 1],                   // an answer to a query not asked
            [0xFF, 0xFF, 0xFF, 0xFF, (byte)'A', 1],                   // a challenge cut short
            Info("ok"),
        ];
        using var server = new ScriptedUdpServer([garbageThenAnswer]);
        await using var a2s = new A2SClient(Quick);

        ServerInfo info = await a2s.QueryInfoAsync(server.EndPoint);
        await server.Completion;

        Assert.Equal("ok", info.Name);
        Assert.Equal(3, a2s.Statistics.Malformed);
        Assert.Equal(1, a2s.Statistics.Stray);
    }

    [Fact]
    public async Task A_real_split_rules_answer_replayed_after_a_real_challenge_comes_whole()
    {
        // The libssq captures: Valve's example challenge, then TF2's 224 rules in five pieces, sent last first.
        byte[] challenge = A2SRealDataTests.LoadBytes("libssq-chall-example_0.bin");
        byte[][] pieces = [.. Enumerable.Range(0, 5).Select(i => A2SRealDataTests.LoadBytes($"libssq-rules-tf2_{i}.bin")).Reverse()];
        using var server = new ScriptedUdpServer([[challenge], pieces]);
        await using var a2s = new A2SClient(Quick);

        ServerRules rules = await a2s.QueryRulesAsync(server.EndPoint);
        await server.Completion;

        A2SRealDataTests.AssertTf2Rules(rules);
        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, (byte)'V', 0xFF, 0xFF, 0xFF, 0xFF }, server.Requests[0]);
        Assert.Equal([0xFF, 0xFF, 0xFF, 0xFF, (byte)'V', .. challenge[5..]], server.Requests[1]);
        Assert.Equal(5, a2s.Statistics.SplitPieces);
    }

    [Fact]
    public async Task An_answer_that_cannot_be_read_is_an_A2SException_that_says_why()
    {
        using var server = new ScriptedUdpServer([[[0xFF, 0xFF, 0xFF, 0xFF, (byte)'E', 7]]]); // no room for its rule count
        await using var a2s = new A2SClient(Quick);

        A2SException e = await Assert.ThrowsAsync<A2SException>(() => a2s.QueryRulesAsync(server.EndPoint));
        await server.Completion;

        Assert.IsNotType<A2STimeoutException>(e);
        Assert.Equal(A2SQueryKind.Rules, e.Kind);
        Assert.Contains("could not be read", e.Message);
        Assert.Contains("rule count", e.Message);
    }

    [Fact]
    public async Task A_query_that_cannot_be_sent_is_an_A2SException_with_the_socket_error()
    {
        await using var a2s = new A2SClient(Quick);

        // Port 0 is no destination: the kernel refuses the send itself (nothing leaves the machine).
        A2SException e = await Assert.ThrowsAsync<A2SException>(() => a2s.QueryInfoAsync(new IPEndPoint(IPAddress.Loopback, 0)));

        Assert.Contains("could not be sent", e.Message);
        Assert.IsType<SocketException>(e.InnerException);
    }

    [Fact]
    public async Task A_sequence_of_endpoints_that_throws_ends_the_enumeration_with_its_exception()
    {
        await using EmulatedServer server = EmulatedServer.Start();
        await using var a2s = new A2SClient(Quick);

        IEnumerable<IPEndPoint> Broken()
        {
            yield return QueryEndPoint(server);
            throw new InvalidOperationException("the fleet list could not be read");
        }

        var e = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (A2SResult<ServerInfo> _ in a2s.QueryInfoManyAsync(Broken()))
            {
            }
        });

        Assert.Equal("the fleet list could not be read", e.Message);
    }

    [Fact]
    public async Task Cancellation_and_dispose_end_a_waiting_query()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var endPoint = (IPEndPoint)silent.LocalEndPoint!;
        var a2s = new A2SClient(new A2SClientOptions { Timeout = TimeSpan.FromSeconds(30) });

        using var cancel = new CancellationTokenSource(100);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a2s.QueryInfoAsync(endPoint, cancel.Token));

        Task<ServerInfo> waiting = a2s.QueryInfoAsync(endPoint);
        await Task.Delay(50);
        await a2s.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => a2s.QueryInfoAsync(endPoint));
    }

    [Fact]
    public void Settings_out_of_range_are_refused_by_name()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => new A2SClient(new A2SClientOptions { MaxConcurrentQueries = 0 }));
        Assert.Equal("MaxConcurrentQueries", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new A2SClient(new A2SClientOptions { Timeout = TimeSpan.Zero }));
    }

    private static bool EmulatedQueryResponderSecrets(ConsoleVariable variable) =>
        variable.Name.Contains("password", StringComparison.Ordinal) || variable.Name.Contains("secret", StringComparison.Ordinal);

    /// <summary>A whole INFO answer in the Source layout with <paramref name="name"/> and empty other strings.</summary>
    private static byte[] Info(string name) =>
        [0xFF, 0xFF, 0xFF, 0xFF, (byte)'I', 17, .. System.Text.Encoding.UTF8.GetBytes(name), 0, 0, 0, 0, 0, 0, 1, 2, 0, (byte)'d', (byte)'l', 0, 0, 0];

    private static IPEndPoint QueryEndPoint(EmulatedServer server) => server.QueryEndPoint ?? throw new InvalidOperationException("The emulator could not bind UDP at its port.");
}
