using System.Net;
using RconTyped.Testing;
using RconTyped.Logs;

namespace RconTyped.Tests.Logs;

/// <summary>StartLogStreamAsync against the emulated server: what happens to the server arrives as typed events.</summary>
public class LogStreamTests
{

    [Fact]
    public async Task The_server_log_arrives_as_events_until_the_stream_is_disposed()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server);
        await using var listener = new RconLogListener(new RconLogListenerOptions { BindAddress = IPAddress.Loopback });
        await listener.StartAsync();
        await using IAsyncEnumerator<LogEvent> events = listener.ReadAllAsync().GetAsyncEnumerator();

        RconLogStream stream = await client.StartLogStreamAsync(listener);
        Assert.Equal(listener.EndPoint.ToString(), stream.Address);
        Assert.Contains(listener.EndPoint, server.Console.Log.Addresses);
        Assert.IsType<LogFileEvent>(await NextAsync(events));

        await client.ExecuteAsync("say hello logs");
        var say = Assert.IsType<PlayerSayEvent>(await NextAsync(events));
        Assert.Equal(("hello logs", true), (say.Message, say.Player.IsConsole));

        await client.ExecuteAsync("kick Gordon");
        var left = Assert.IsType<PlayerDisconnectedEvent>(await NextAsync(events));
        Assert.Equal(("Gordon", "Kicked by Console"), (left.Player.Name, left.Reason));

        await client.ExecuteAsync("changelevel de_nuke");
        Assert.Equal("de_nuke", Assert.IsType<MapLoadingEvent>(await NextAsync(events)).Map);
        Assert.IsType<MapStartedEvent>(await NextAsync(events));

        server.Console.AddPlayer(new EmulatedPlayer("Newcomer") { SteamId = SteamId.Parse("[U:1:42]") });
        var connected = Assert.IsType<PlayerConnectedEvent>(await NextAsync(events));
        Assert.Equal(SteamId.Parse("[U:1:42]"), connected.Player.SteamId);
        Assert.IsType<PlayerValidatedEvent>(await NextAsync(events));
        Assert.IsType<PlayerEnteredEvent>(await NextAsync(events));
        Assert.IsType<PlayerTeamChangedEvent>(await NextAsync(events));

        await stream.DisposeAsync();
        Assert.Empty(server.Console.Log.Addresses);
        Assert.Contains($"logaddress_del {stream.Address}", server.Console.ExecutedCommands);
    }

    [Fact]
    public async Task A_scripted_round_gives_kills_chat_and_scores()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server);
        await using var listener = new RconLogListener(new RconLogListenerOptions { BindAddress = IPAddress.Loopback });
        await listener.StartAsync();
        await using RconLogStream stream = await client.StartLogStreamAsync(listener);

        server.Console.PlayRound();
        await client.ExecuteAsync("log off");
        await Poll.UntilAsync(() => listener.Statistics.Queued >= 12);
        await listener.DisposeAsync();
        List<LogEvent> events = [.. await listener.ReadAllAsync().ToListAsync()];

        Assert.Equal(2, events.OfType<PlayerKilledEvent>().Count());
        Assert.Equal(2, events.OfType<PlayerAttackedEvent>().Count(e => e.Damage == 27));
        Assert.Contains(events.OfType<PlayerKilledEvent>(), e => e.Killer.Name == "Ärger ☆ Ümlaut" && e.Killer.Team == "TERRORIST" && e.KillerPosition is not null);
        Assert.Contains(events.OfType<PlayerSayEvent>(), e => e.TeamOnly);
        Assert.Contains(events.OfType<TeamTriggeredEvent>(), e => e.CTScore == 1 && e.TScore == 0);
        Assert.Equal(2, events.OfType<TeamScoreEvent>().Count());
        Assert.DoesNotContain(events, e => e is UnknownLogEvent);
    }

    [Fact]
    public async Task With_sv_logsecret_set_only_a_listener_with_that_secret_gets_the_lines()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server);
        await client.ExecuteAsync("sv_logsecret 5551234");
        await using var right = new RconLogListener(new RconLogListenerOptions { BindAddress = IPAddress.Loopback, Secret = "5551234" });
        await using var wrong = new RconLogListener(new RconLogListenerOptions { BindAddress = IPAddress.Loopback, Secret = "999" });
        await right.StartAsync();
        await wrong.StartAsync();
        await using RconLogStream toRight = await client.StartLogStreamAsync(right);
        await using RconLogStream toWrong = await client.StartLogStreamAsync(wrong);

        await client.ExecuteAsync("say secret");
        await Poll.UntilAsync(() => right.Statistics.Queued >= 2 && wrong.Statistics.BadSecret >= 2);

        Assert.Equal(0, wrong.Statistics.Queued);
    }

    [Fact]
    public async Task Without_a_reachable_address_the_stream_says_what_to_pass_and_reachableAt_is_used_as_given()
    {
        await using var server = EmulatedServer.Start();
        await using var client = new RconClient(new IPEndPoint(IPAddress.Loopback, 1), new RconClientOptions { ConnectionFactory = (_, _) => ValueTask.FromResult(server.ConnectInMemory()) });
        await client.ConnectAsync();
        await client.AuthenticateAsync(server.Password);
        await using var listener = new RconLogListener(new RconLogListenerOptions { BindAddress = IPAddress.Any });
        await listener.StartAsync();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.StartLogStreamAsync(listener));
        await using RconLogStream stream = await client.StartLogStreamAsync(listener, new IPEndPoint(IPAddress.Parse("127.0.0.3"), 27500));

        Assert.Contains("pass reachableAt", e.Message, StringComparison.Ordinal);
        Assert.Equal("127.0.0.3:27500", stream.Address);
        Assert.Contains(new IPEndPoint(IPAddress.Parse("127.0.0.3"), 27500), server.Console.Log.Addresses);
        Assert.Null(client.LocalEndPoint);
    }

    private static async Task<LogEvent> NextAsync(IAsyncEnumerator<LogEvent> events)
    {
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Connect.Guard));
        return events.Current;
    }
}
