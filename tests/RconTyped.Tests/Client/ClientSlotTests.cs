using Microsoft.Extensions.Time.Testing;
using RconTyped.Testing;

namespace RconTyped.Tests.Client;

/// <summary>The one shared client per server that the fleet and the hosting factory both keep.</summary>
public class ClientSlotTests
{
    [Fact]
    public async Task Concurrent_callers_share_one_attempt_and_one_connection()
    {
        await using var server = EmulatedServer.Start();
        await using var slot = SlotFor(server, () => server.Password);

        RconClient[] clients = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => slot.GetClientAsync(CancellationToken.None).AsTask())).WaitAsync(Connect.Guard);

        Assert.Single(clients.Distinct());
        Assert.True(clients[0].IsAuthenticated);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task A_cancelled_caller_stops_waiting_but_the_shared_attempt_goes_on_for_the_others()
    {
        await using var server = EmulatedServer.Start();
        using var release = new ManualResetEventSlim();
        await using var slot = SlotFor(server, () =>
        {
            release.Wait(Connect.Guard); // the attempt is held here, mid-way, until the test lets it go
            return server.Password;
        });
        using var impatient = new CancellationTokenSource();

        Task<RconClient> first = slot.GetClientAsync(impatient.Token).AsTask();
        Task<RconClient> second = slot.GetClientAsync(CancellationToken.None).AsTask();
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.WaitAsync(Connect.Guard));
        release.Set();
        RconClient client = await second.WaitAsync(Connect.Guard);

        Assert.True(client.IsAuthenticated);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task A_failed_attempt_is_not_kept_and_a_closed_client_is_replaced()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { MaxAuthFailures = 0 });
        string password = "wrong";
        await using var slot = SlotFor(server, () => password);

        await Assert.ThrowsAsync<RconAuthenticationException>(() => slot.GetClientAsync(CancellationToken.None).AsTask().WaitAsync(Connect.Guard));
        password = server.Password;
        RconClient first = await slot.GetClientAsync(CancellationToken.None).AsTask().WaitAsync(Connect.Guard);
        first.Close();
        RconClient second = await slot.GetClientAsync(CancellationToken.None).AsTask().WaitAsync(Connect.Guard);

        Assert.NotSame(first, second);
        Assert.True(second.IsAuthenticated);
    }

    [Fact]
    public async Task The_current_client_can_be_handed_out_before_it_connects_and_its_commands_wait_for_it()
    {
        await using var server = EmulatedServer.Start();
        await using var slot = SlotFor(server, () => server.Password);

        RconClient client = slot.CurrentClient();
        string answer = await client.ExecuteAsync("echo early").WaitAsync(Connect.Guard);

        Assert.Equal("early\n", answer);
        Assert.Same(client, await slot.GetClientAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_client_handed_out_early_fails_its_commands_with_the_reason_its_connection_failed()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { MaxAuthFailures = 0 });
        await using var slot = SlotFor(server, () => "wrong");

        RconClient client = slot.CurrentClient();

        await Assert.ThrowsAsync<RconAuthenticationException>(() => client.ExecuteAsync("echo early").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task A_command_on_a_client_still_connecting_times_out_saying_so()
    {
        await using var server = EmulatedServer.Start();
        var time = new FakeTimeProvider();
        using var release = new ManualResetEventSlim();
        var options = new RconClientOptions { CommandTimeout = TimeSpan.FromSeconds(2), TimeProvider = time };
        await using var slot = new RconClientSlot(() => new RconClient("127.0.0.1", server.Port, options), () =>
        {
            release.Wait(Connect.Guard); // the attempt is held mid-way, past the command's timeout
            return server.Password;
        });

        Task<string> early = slot.CurrentClient().ExecuteAsync("echo early");
        while (!early.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        var timedOut = await Assert.ThrowsAsync<RconTimeoutException>(() => early);
        release.Set();
        Assert.StartsWith("Still connecting to", timedOut.Message, StringComparison.Ordinal);
        Assert.True((await slot.GetClientAsync(CancellationToken.None).AsTask().WaitAsync(Connect.Guard)).IsAuthenticated);
    }

    [Fact]
    public async Task A_keep_alive_command_that_fails_is_reported_and_the_timer_goes_on()
    {
        await using var server = EmulatedServer.Start();
        var time = new FakeTimeProvider();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        await using var slot = new RconClientSlot(
            () => new RconClient("127.0.0.1", server.Port),
            () => server.Password,
            new RconKeepAlive(TimeSpan.FromSeconds(30), "echo \0 never sent", time),
            failures.Enqueue);
        RconClient client = await slot.GetClientAsync(CancellationToken.None).AsTask().WaitAsync(Connect.Guard);

        for (int tick = 0; tick < 400 && failures.Count < 2; tick++)
        {
            if (tick % 20 == 0)
            {
                time.Advance(TimeSpan.FromSeconds(30));
            }

            await Task.Delay(5);
        }

        Assert.True(failures.Count >= 2, $"{failures.Count} failures reported");
        Assert.All(failures, e => Assert.IsType<ArgumentException>(e));
        Assert.True(client.IsAuthenticated);
    }

    [Fact]
    public async Task Disposing_ends_an_attempt_under_way_and_refuses_later_calls()
    {
        await using var server = EmulatedServer.Start();
        using var release = new ManualResetEventSlim();
        var slot = SlotFor(server, () =>
        {
            release.Wait(Connect.Guard);
            return server.Password;
        });
        Task<RconClient> waiting = slot.GetClientAsync(CancellationToken.None).AsTask();

        ValueTask disposing = slot.DisposeAsync();
        release.Set();
        await disposing.AsTask().WaitAsync(Connect.Guard);

        await Assert.ThrowsAnyAsync<Exception>(() => waiting.WaitAsync(Connect.Guard));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => slot.GetClientAsync(CancellationToken.None).AsTask());
    }

    private static RconClientSlot SlotFor(EmulatedServer server, Func<string> password) =>
        new(() => new RconClient("127.0.0.1", server.Port), password);
}
