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
