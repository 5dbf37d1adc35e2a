using System.Net;
using Microsoft.Extensions.Time.Testing;
using RconTyped.Testing;

namespace RconTyped.Tests.Client;

/// <summary><see cref="RconClientOptions.TimeProvider"/> drives every wait the client makes itself: nothing here sleeps for it.</summary>
public class TimeProviderTests
{
    [Fact]
    public async Task Reconnection_waits_its_backoff_on_the_given_clock()
    {
        await using var server = EmulatedServer.Start();
        var time = new FakeTimeProvider();
        var options = new RconClientOptions
        {
            TimeProvider = time,
            Reconnect = new RconReconnectPolicy { InitialDelay = TimeSpan.FromSeconds(30), Jitter = 0 },
        };
        await using RconClient client = await Connect.AuthenticatedAsync(server, options);
        var attempt = new TaskCompletionSource<RconReconnectEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Reconnecting += (_, e) => attempt.TrySetResult(e);
        client.Reconnected += (_, _) => reconnected.TrySetResult();

        server.DropConnections();
        Assert.Equal(TimeSpan.FromSeconds(30), (await attempt.Task.WaitAsync(Connect.Guard)).Delay);
        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        Assert.False(reconnected.Task.IsCompleted);
        Assert.Equal(1, server.ConnectionCount);

        time.Advance(TimeSpan.FromSeconds(1));
        await reconnected.Task.WaitAsync(Connect.Guard);
        Assert.Equal(2, server.ConnectionCount);
        Assert.True(client.IsAuthenticated);
    }

    [Fact]
    public async Task The_connect_timeout_runs_on_the_given_clock()
    {
        var time = new FakeTimeProvider();
        var options = new RconClientOptions
        {
            TimeProvider = time,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ConnectionFactory = async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            },
        };
        await using var client = new RconClient(new DnsEndPoint("rcon.invalid", 1), options);

        Task connecting = client.ConnectAsync();
        time.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(50);
        Assert.False(connecting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));

        var e = await Assert.ThrowsAsync<RconConnectionException>(() => connecting.WaitAsync(Connect.Guard));
        Assert.Contains("no answer within 5 s", e.Message, StringComparison.Ordinal);
        Assert.True(client.IsClosed);
    }

    [Fact]
    public async Task An_unanswered_authentication_times_out_on_the_given_clock()
    {
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.ReadPacketAsync(socket);
            await ScriptedServer.ReadPacketAsync(socket); // until the test ends
        });
        var time = new FakeTimeProvider();
        await using var client = new RconClient(server.EndPoint, new RconClientOptions { TimeProvider = time, CommandTimeout = TimeSpan.FromSeconds(3) });
        await client.ConnectAsync().WaitAsync(Connect.Guard);

        Task authenticating = client.AuthenticateAsync("secret");
        time.Advance(TimeSpan.FromSeconds(3));

        var e = await Assert.ThrowsAsync<RconTimeoutException>(() => authenticating.WaitAsync(Connect.Guard));
        Assert.Contains("authentication", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_waiting_for_a_reconnection_gives_up_after_the_command_timeout_unsent()
    {
        await using var server = EmulatedServer.Start();
        var time = new FakeTimeProvider();
        var options = new RconClientOptions
        {
            TimeProvider = time,
            CommandTimeout = TimeSpan.FromSeconds(5),
            Reconnect = new RconReconnectPolicy { InitialDelay = TimeSpan.FromHours(1), Jitter = 0 },
        };
        await using RconClient client = await Connect.AuthenticatedAsync(server, options);
        var reconnecting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Reconnecting += (_, _) => reconnecting.TrySetResult();
        server.DropConnections();
        await reconnecting.Task.WaitAsync(Connect.Guard);

        Task<string> waiting = client.ExecuteAsync("echo late");
        time.Advance(TimeSpan.FromSeconds(5));

        var e = await Assert.ThrowsAsync<RconTimeoutException>(() => waiting.WaitAsync(Connect.Guard));
        Assert.Contains("Still reconnecting", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("echo late", server.Console.ExecutedCommands);
        Assert.False(client.IsClosed);
    }
}
