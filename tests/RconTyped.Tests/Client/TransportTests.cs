using System.Net;
using RconTyped.Testing;

namespace RconTyped.Tests.Client;

/// <summary>The client over any stream (<see cref="RconClientOptions.ConnectionFactory"/>): in memory, and through TLS.</summary>
public class TransportTests
{
    /// <summary>An endpoint that cannot be reached: a client that ignored its factory would fail to connect.</summary>
    private static readonly EndPoint Nowhere = new DnsEndPoint("rcon.invalid", 1);

    [Fact]
    public async Task Over_an_in_memory_stream_the_client_authenticates_reassembles_split_answers_and_pipelines()
    {
        await using var server = EmulatedServer.Start();
        server.Console.AddCommand("big", _ => new string('x', 64 * 1024));
        int opened = 0;
        var options = new RconClientOptions
        {
            ConnectionFactory = (endPoint, _) =>
            {
                Assert.Same(Nowhere, endPoint);
                Interlocked.Increment(ref opened);
                return ValueTask.FromResult(server.ConnectInMemory());
            },
        };
        await using var client = new RconClient(Nowhere, options);
        await client.ConnectAsync().WaitAsync(Connect.Guard);
        await client.AuthenticateAsync(server.Password).WaitAsync(Connect.Guard);

        Assert.Equal(RconDialect.Source, client.Dialect);
        Assert.Equal(64 * 1024, (await client.ExecuteAsync("big").WaitAsync(Connect.Guard)).Length);
        string[] answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => client.ExecuteAsync($"echo {i}"))).WaitAsync(Connect.Guard);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"{i}\n"), answers);
        Assert.Equal(1, opened);
    }

    [Fact]
    public async Task When_the_in_memory_peer_ends_waiting_commands_fail_at_once_and_the_client_is_closed()
    {
        await using var server = EmulatedServer.Start();
        server.Options.Faults.UnansweredCommands.Add("changelevel");
        await using var client = new RconClient(Nowhere, new RconClientOptions { ConnectionFactory = (_, _) => ValueTask.FromResult(server.ConnectInMemory()) });
        await client.ConnectAsync().WaitAsync(Connect.Guard);
        await client.AuthenticateAsync(server.Password).WaitAsync(Connect.Guard);
        Task<string> waiting = client.ExecuteAsync("changelevel de_dust2");

        server.DropConnections();

        await Assert.ThrowsAsync<RconConnectionException>(() => waiting.WaitAsync(Connect.Guard));
        Assert.True(client.IsClosed);
    }

    [Fact]
    public async Task Through_a_TLS_terminator_commands_and_long_answers_arrive_whole()
    {
        await using var server = EmulatedServer.Start();
        server.Console.AddCommand("big", _ => new string('y', 1 << 20));
        await using var proxy = new TlsTerminatingProxy(server.EndPoint);
        var options = new RconClientOptions { ConnectionFactory = (_, ct) => proxy.ConnectAsync(ct) };
        await using var client = new RconClient(proxy.EndPoint, options);
        await client.ConnectAsync().WaitAsync(Connect.Guard);
        await client.AuthenticateAsync(server.Password).WaitAsync(Connect.Guard);

        Assert.Equal("over tls\n", await client.ExecuteAsync("echo over tls").WaitAsync(Connect.Guard));
        Assert.Equal(1 << 20, (await client.ExecuteAsync("big").WaitAsync(Connect.Guard)).Length);
        Assert.Equal(1, proxy.Handshakes);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task A_reconnection_opens_a_new_stream_through_the_factory()
    {
        await using var server = EmulatedServer.Start();
        int opened = 0;
        var options = new RconClientOptions
        {
            ConnectionFactory = (_, _) =>
            {
                Interlocked.Increment(ref opened);
                return ValueTask.FromResult(server.ConnectInMemory());
            },
            Reconnect = new RconReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(1), Jitter = 0 },
        };
        await using var client = new RconClient(Nowhere, options);
        await client.ConnectAsync().WaitAsync(Connect.Guard);
        await client.AuthenticateAsync(server.Password).WaitAsync(Connect.Guard);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Reconnected += (_, _) => reconnected.TrySetResult();

        server.DropConnections();
        await reconnected.Task.WaitAsync(Connect.Guard);

        Assert.Equal("again\n", await client.ExecuteAsync("echo again").WaitAsync(Connect.Guard));
        Assert.Equal(2, opened);
    }

    [Fact]
    public async Task A_factory_that_throws_is_reported_as_a_connection_failure_that_names_it()
    {
        await using var client = new RconClient(Nowhere, new RconClientOptions { ConnectionFactory = (_, _) => throw new InvalidOperationException("tunnel down") });

        var e = await Assert.ThrowsAsync<RconConnectionException>(() => client.ConnectAsync().WaitAsync(Connect.Guard));

        Assert.Contains("ConnectionFactory", e.Message, StringComparison.Ordinal);
        Assert.Contains("tunnel down", e.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.True(client.IsClosed);
    }

    [Fact]
    public async Task A_factory_that_returns_a_read_only_stream_is_refused()
    {
        var readOnly = new MemoryStream([], writable: false);
        await using var client = new RconClient(Nowhere, new RconClientOptions { ConnectionFactory = (_, _) => ValueTask.FromResult<Stream>(readOnly) });

        var e = await Assert.ThrowsAsync<RconConnectionException>(() => client.ConnectAsync().WaitAsync(Connect.Guard));

        Assert.Contains("cannot both read and write", e.Message, StringComparison.Ordinal);
        Assert.Throws<ObjectDisposedException>(() => readOnly.ReadByte());
    }

    [Fact]
    public async Task A_socket_error_from_the_factory_reads_like_one_from_the_client_itself()
    {
        await using var client = new RconClient(Nowhere, new RconClientOptions
        {
            ConnectionFactory = (_, _) => throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused),
        });

        var e = await Assert.ThrowsAsync<RconConnectionException>(() => client.ConnectAsync().WaitAsync(Connect.Guard));

        Assert.Contains("connection refused", e.Message, StringComparison.Ordinal);
        Assert.IsType<System.Net.Sockets.SocketException>(e.InnerException);
    }
}
