using System.Text;
using Microsoft.Extensions.Time.Testing;
using RconTyped.Protocol;
using RconTyped.Testing;

namespace RconTyped.Tests.Client;

/// <summary>
/// Palworld: answers carry id 0, and the size field of a non-ASCII answer claims more bytes than are sent.
/// Against the emulator's Palworld mode and scripted servers that stall or trickle bytes.
/// </summary>
public class PalworldDialectTests
{
    private const string KoreanRow = "플레이어,1234567890,76561198000000000\n";

    [Fact]
    public async Task Answers_with_id_0_reach_the_command_in_flight_even_when_many_are_issued_at_once()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Palworld });
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Palworld });

        RconResponse first = await client.ExecuteRawAsync("echo first").WaitAsync(Connect.Guard);
        string[] answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.ExecuteAsync($"echo {i}"))).WaitAsync(Connect.Guard);

        Assert.True(first.Id > 0, "the response keeps the command's own id, not the 0 the answer carried");
        Assert.Equal("first\n", first.Text);
        Assert.False(first.IsTruncated);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"{i}\n"), answers);
    }

    [Fact]
    public async Task A_non_ascii_answer_whose_size_is_overstated_arrives_truncated_after_the_wait_instead_of_hanging()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Palworld });
        server.Console.AddCommand("ShowPlayers", _ => "name,playeruid,steamid\n" + KoreanRow);
        var time = new FakeTimeProvider();
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Palworld, CommandTimeout = Timeout.InfiniteTimeSpan, TimeProvider = time });

        RconResponse players = await time.AdvanceUntilAsync(client.ExecuteRawAsync("ShowPlayers"), TimeSpan.FromSeconds(0.5));

        // The emulator drops (UTF-8 bytes - UTF-16 units) bytes from the packet's end: "플레이어" is 12 bytes in 4 units, so the
        // last 8 bytes of the packet (6 of the body and both terminators) never come.
        string whole = "name,playeruid,steamid\n" + KoreanRow;
        Assert.True(players.IsTruncated);
        Assert.Equal(Encoding.UTF8.GetByteCount(whole) - 6, players.Body.Length);
        Assert.Equal(whole[..^6], players.Text);

        // The stream is in step afterwards: the next answer is whole and is its own.
        RconResponse next = await client.ExecuteRawAsync("echo ok").WaitAsync(Connect.Guard);
        Assert.Equal("ok\n", next.Text);
        Assert.False(next.IsTruncated);
    }

    [Fact]
    public async Task A_cut_in_the_middle_of_a_character_leaves_that_character_out_of_the_text()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Palworld });

        // "a日本" is 7 bytes in 3 units: 4 bytes go missing, the terminators and the last 2 bytes of "本", which is cut in half.
        server.Console.AddCommand("cut", _ => "a日本");
        var time = new FakeTimeProvider();
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Palworld, CommandTimeout = Timeout.InfiniteTimeSpan, TimeProvider = time });

        RconResponse cut = await time.AdvanceUntilAsync(client.ExecuteRawAsync("cut"), TimeSpan.FromSeconds(0.5));

        Assert.True(cut.IsTruncated);
        Assert.Equal(5, cut.Body.Length);
        Assert.Equal("a日", cut.Text);
    }

    [Fact]
    public async Task Bytes_that_keep_trickling_in_are_waited_for_and_the_answer_is_whole()
    {
        byte[] body = Encoding.UTF8.GetBytes(KoreanRow);
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            await ScriptedServer.ReadPacketAsync(socket);
            byte[] packet = ScriptedServer.Packet(0, RconPacketType.ResponseValue, body);

            // Seven pieces 200 ms apart: 1.2 s from first byte to last, more than the 1 s wait, but every gap well under it.
            int piece = (packet.Length + 6) / 7;
            for (int start = 0; start < packet.Length; start += piece)
            {
                await socket.SendAsync(packet.AsMemory(start, Math.Min(piece, packet.Length - start)));
                await Task.Delay(200);
            }

            await Task.Delay(500);
        });
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Palworld });

        RconResponse response = await client.ExecuteRawAsync("ShowPlayers").WaitAsync(Connect.Guard);

        Assert.False(response.IsTruncated);
        Assert.Equal(KoreanRow, response.Text);
    }

    [Fact]
    public async Task A_timed_out_command_drops_the_connection_so_its_late_answer_can_never_reach_the_next_command()
    {
        var timedOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            await ScriptedServer.ReadPacketAsync(socket);
            await timedOut.Task;
            await socket.SendAsync(ScriptedServer.Packet(0, RconPacketType.ResponseValue, "late answer to the first command"u8.ToArray()));
        });
        var time = new FakeTimeProvider();
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Palworld, CommandTimeout = TimeSpan.FromMilliseconds(500), TimeProvider = time });

        Task<string> info = client.ExecuteAsync("Info");
        time.Advance(TimeSpan.FromMilliseconds(500));
        var timeout = await Assert.ThrowsAsync<RconTimeoutException>(() => info.WaitAsync(Connect.Guard));
        timedOut.SetResult();
        var next = await Assert.ThrowsAsync<RconConnectionException>(() => client.ExecuteAsync("ShowPlayers").WaitAsync(Connect.Guard));

        Assert.Contains("carry no request id", timeout.Message, StringComparison.Ordinal);
        Assert.True(client.IsClosed);
        Assert.Contains("abandoned", next.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_command_drops_the_connection_too()
    {
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            await ScriptedServer.ReadPacketAsync(socket);
            await ScriptedServer.ReadPacketAsync(socket); // returns when the client drops the connection
        });
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Palworld });
        using var cancel = new CancellationTokenSource();

        Task<string> save = client.ExecuteAsync("Save", cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => save.WaitAsync(Connect.Guard));

        Assert.True(client.IsClosed);
    }

    [Fact]
    public async Task With_a_reconnect_policy_an_abandoned_command_costs_one_reconnection_and_the_next_command_works()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Palworld });
        server.Options.Faults.UnansweredCommands.Add("Save");
        var time = new FakeTimeProvider();
        var options = new RconClientOptions
        {
            Dialect = RconDialect.Palworld,
            CommandTimeout = TimeSpan.FromSeconds(2),
            Reconnect = new RconReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10) },
            TimeProvider = time,
        };
        await using RconClient client = await Connect.AuthenticatedAsync(server, options);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Reconnected += (_, _) => reconnected.TrySetResult();

        Task<string> save = client.ExecuteAsync("Save");
        time.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<RconTimeoutException>(() => save.WaitAsync(Connect.Guard));
        await time.AdvanceUntilAsync(reconnected.Task, TimeSpan.FromMilliseconds(10));

        Assert.Equal("after\n", await client.ExecuteAsync("echo after").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task Without_the_dialect_auto_takes_palworld_for_cs2_and_the_timeout_names_the_palworld_dialect()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Palworld });
        var time = new FakeTimeProvider();
        var logger = new CapturingLogger();
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { CommandTimeout = TimeSpan.FromSeconds(2), TimeProvider = time, Logger = logger });

        Assert.Equal("CS2", client.Dialect.Name);
        Task<string> echo = client.ExecuteAsync("echo hi");
        await Poll.UntilAsync(() => logger.Entries.Any(e => e.Message.StartsWith("Discarded packet id 0", StringComparison.Ordinal)));
        time.Advance(TimeSpan.FromSeconds(2));
        var e = await Assert.ThrowsAsync<RconTimeoutException>(() => echo.WaitAsync(Connect.Guard));
        Assert.Contains("use RconDialect.Palworld", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_without_ids_need_one_command_in_flight_and_single_packet_answers()
    {
        var pipelined = Assert.Throws<ArgumentException>(() => new RconDialect("x", RconResponseEnd.SinglePacket, 4096, maxCommandsInFlight: 2, answersCarryRequestId: false));
        var mirrored = Assert.Throws<ArgumentException>(() => new RconDialect("x", RconResponseEnd.MirrorPacket, 4096, maxCommandsInFlight: 1, answersCarryRequestId: false));
        var waitWithIds = Assert.Throws<ArgumentException>(() => new RconDialect("x", RconResponseEnd.SinglePacket, 4096, shortPacketWait: TimeSpan.FromSeconds(1)));

        Assert.Equal("answersCarryRequestId", pipelined.ParamName);
        Assert.Equal("answersCarryRequestId", mirrored.ParamName);
        Assert.Equal("shortPacketWait", waitWithIds.ParamName);
        Assert.Equal(TimeSpan.FromSeconds(1), RconDialect.Palworld.WithStrippedFormattingCodes().ShortPacketWait);
    }

    [Fact]
    public async Task Short_packet_handling_is_off_for_other_dialects_which_wait_for_every_byte()
    {
        var partSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            var (command, _) = await ScriptedServer.ReadPacketAsync(socket);
            byte[] packet = ScriptedServer.Packet(command.Id, RconPacketType.ResponseValue, Encoding.UTF8.GetBytes(KoreanRow));
            await socket.SendAsync(packet.AsMemory(0, packet.Length - 8));
            partSent.SetResult();
            await ScriptedServer.ReadPacketAsync(socket); // until the test ends the connection
        });
        var time = new FakeTimeProvider();
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Cs2, CommandTimeout = TimeSpan.FromSeconds(2), TimeProvider = time });

        Task<string> status = client.ExecuteAsync("status");
        await partSent.Task.WaitAsync(Connect.Guard);
        await Task.Delay(100); // the part on its way into the client
        time.Advance(TimeSpan.FromSeconds(1.5)); // past Palworld's wait: a dialect without it keeps waiting
        await Task.Delay(100);
        Assert.False(status.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.5));
        await Assert.ThrowsAsync<RconTimeoutException>(() => status.WaitAsync(Connect.Guard));
        Assert.False(client.IsClosed);
    }
}
