using System.Collections.Concurrent;
using RconTyped.Testing;

namespace RconTyped.Tests.Client;

public class ReconnectTests
{
    private static RconClientOptions WithReconnect(int attempts = 5, bool wait = true) => new()
    {
        Reconnect = new RconReconnectPolicy { MaxAttempts = attempts, InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200), WaitWhileReconnecting = wait },
        CommandTimeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task A_malformed_answer_to_the_reconnection_closes_the_client_and_fails_the_waiting_command_at_once()
    {
        await using var server = EmulatedServer.Start();

        // The second server answers AUTH with a packet whose size field is 3: the protocol is broken.
        await using var broken = new ScriptedServer(async socket =>
        {
            await ScriptedServer.ReadPacketAsync(socket);
            await socket.SendAsync(new byte[] { 3, 0, 0, 0, 1, 2, 3 });

            // Open a moment longer, so the client reads the bad packet rather than the close.
            await Task.Delay(TimeSpan.FromSeconds(1));
        });
        int connects = 0;
        var options = WithReconnect();
        options.CommandTimeout = TimeSpan.FromSeconds(30);
        options.ConnectionFactory = async (_, token) =>
        {
            if (Interlocked.Increment(ref connects) == 1)
            {
                return server.ConnectInMemory();
            }

            var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(broken.EndPoint, token);
            return tcp.GetStream();
        };
        await using var client = new RconClient(server.EndPoint, options);
        await client.ConnectAsync().WaitAsync(Connect.Guard);
        await client.AuthenticateAsync(server.Password).WaitAsync(Connect.Guard);

        var unobserved = new ConcurrentQueue<Exception>();
        EventHandler<UnobservedTaskExceptionEventArgs> onUnobserved = (_, e) => unobserved.Enqueue(e.Exception);
        TaskScheduler.UnobservedTaskException += onUnobserved;
        try
        {
            server.DropConnections();
            await Poll.UntilAsync(() => connects == 2);
            var failure = await Assert.ThrowsAnyAsync<RconException>(() => client.ExecuteAsync("echo waiting").WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.True(client.IsClosed);
            Assert.Contains("size field", failure.Message, StringComparison.Ordinal);

            // The reconnection loop ended in one place: its failure was handled there, not left in a task nobody awaits.
            await Task.Delay(200);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.DoesNotContain(unobserved, e => e.ToString().Contains("size field", StringComparison.Ordinal));
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= onUnobserved;
        }
    }

    [Fact]
    public async Task After_a_drop_the_client_reconnects_and_authenticates_again_and_the_command_in_flight_fails()
    {
        var options = new EmulatedServerOptions();
        options.Faults.UnansweredCommands.Add("changelevel");
        await using var server = EmulatedServer.Start(options);
        await using RconClient client = await Connect.AuthenticatedAsync(server, WithReconnect());
        var attempts = new ConcurrentQueue<int>();
        var reconnected = new TaskCompletionSource();
        client.Reconnecting += (_, e) => attempts.Enqueue(e.Attempt);
        client.Reconnected += (_, _) => reconnected.TrySetResult();

        Task<string> inFlight = client.ExecuteAsync("changelevel de_nuke");
        await Task.Delay(100);
        server.DropConnections();

        await Assert.ThrowsAsync<RconConnectionException>(() => inFlight.WaitAsync(Connect.Guard));
        await reconnected.Task.WaitAsync(Connect.Guard);
        Assert.Equal("back\n", await client.ExecuteAsync("echo back").WaitAsync(Connect.Guard));
        Assert.True(client.IsAuthenticated);
        Assert.True(server.ConnectionCount >= 2);
        Assert.NotEmpty(attempts);

        // The command that was in flight is never replayed.
        Assert.Single(server.Console.ExecutedCommands, c => c.StartsWith("changelevel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Commands_issued_while_reconnecting_wait_for_it()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server, WithReconnect());

        server.DropConnections();
        await Task.Delay(20);
        string[] answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => client.ExecuteAsync($"echo {i}"))).WaitAsync(Connect.Guard);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{i}\n"), answers);
    }

    [Fact]
    public async Task Commands_issued_while_reconnecting_fail_at_once_when_the_policy_says_so()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server, WithReconnect(wait: false));
        var reconnected = new TaskCompletionSource();
        client.Reconnected += (_, _) => reconnected.TrySetResult();

        server.DropConnections();
        var e = await Assert.ThrowsAsync<RconConnectionException>(async () =>
        {
            // Until the drop is noticed the client may still try to send; once reconnecting it refuses at once.
            for (int i = 0; i < 100; i++)
            {
                await client.ExecuteAsync("echo x").WaitAsync(Connect.Guard);
                await Task.Delay(10);
            }
        });

        Assert.Matches("reconnecting|lost|closed", e.Message);
        await reconnected.Task.WaitAsync(Connect.Guard);
        Assert.Equal("ok\n", await client.ExecuteAsync("echo ok").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task A_server_gone_for_good_closes_the_client_after_the_attempts()
    {
        var server = EmulatedServer.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server, WithReconnect(attempts: 3));
        var attempts = new ConcurrentQueue<int>();
        var reconnecting = new TaskCompletionSource();
        client.Reconnecting += (_, e) =>
        {
            attempts.Enqueue(e.Attempt);
            reconnecting.TrySetResult();
        };

        await server.DisposeAsync();
        await reconnecting.Task.WaitAsync(Connect.Guard); // a command sent before the drop is noticed would just fail as lost
        var e = await Assert.ThrowsAsync<RconConnectionException>(() => client.ExecuteAsync("echo x").WaitAsync(Connect.Guard));

        Assert.Contains("3 reconnection attempts failed", e.Message, StringComparison.Ordinal);
        Assert.True(client.IsClosed);
        Assert.Equal([1, 2, 3], attempts);
    }

    [Fact]
    public async Task A_password_refused_on_reconnection_is_never_retried()
    {
        var first = EmulatedServer.Start();
        int port = first.Port;
        await using RconClient client = await Connect.AuthenticatedAsync(first, WithReconnect(attempts: 10));
        var reconnecting = new TaskCompletionSource();
        client.Reconnecting += (_, _) => reconnecting.TrySetResult();
        await first.DisposeAsync();
        await using var restarted = EmulatedServer.Start(new EmulatedServerOptions { Port = port, Password = "changed" });
        await reconnecting.Task.WaitAsync(Connect.Guard);

        var e = await Assert.ThrowsAsync<RconAuthenticationException>(() => client.ExecuteAsync("echo x").WaitAsync(Connect.Guard));

        Assert.Equal(RconAuthenticationFailure.WrongPassword, e.Failure);
        Assert.Contains("never retried", e.Message, StringComparison.Ordinal);
        Assert.True(client.IsClosed);
        Assert.Equal(1, restarted.ConnectionCount);
    }

    [Fact]
    public async Task Without_a_policy_a_drop_closes_the_client_as_before()
    {
        await using var server = EmulatedServer.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        server.DropConnections();

        await Assert.ThrowsAnyAsync<RconConnectionException>(async () =>
        {
            for (int i = 0; i < 100; i++)
            {
                await client.ExecuteAsync("echo x").WaitAsync(Connect.Guard);
                await Task.Delay(10);
            }
        });
        Assert.True(client.IsClosed);
        Assert.Equal(1, server.ConnectionCount);
    }
}
