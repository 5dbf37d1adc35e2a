using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace RconTyped.Testing;

/// <summary>
/// An RCON server on 127.0.0.1 that behaves like srcds, CS2 or one of the other games of <see cref="EmulatedGame.All"/>,
/// for tests and demos: a console of cvars and commands, the protocol's quirks, address bans, and injectable faults.
/// </summary>
/// <example>
/// <code>
/// await using var server = EmulatedServer.Start();
/// await using var client = new RconClient(server.EndPoint);
/// await client.ConnectAsync();
/// await client.AuthenticateAsync(server.Password);
/// string hi = await client.ExecuteAsync("echo hi");
/// </code>
/// </example>
public class EmulatedServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<EmulatedConnection, Task> _connections = new();
    private readonly ConcurrentDictionary<string, int> _failures = new();
    private readonly ConcurrentDictionary<string, bool> _banned = new();
    private readonly Task _acceptLoop;
    private readonly Task _matchLoop;
    private readonly EmulatedQueryResponder? _query;
    private int _connectionCount;

    /// <summary>Starts listening; only this assembly derives (the obsolete <see cref="EmulatedSourceServer"/> alias).</summary>
    private protected EmulatedServer(EmulatedServerOptions options)
    {
        Options = options;
        Console = new ServerConsole(options.Mode, options.CvarList);
        foreach (EmulatedPlayer player in options.Players)
        {
            Console.AddPlayer(player);
        }

        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, options.Port));
        _listener.Listen(128);
        EndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        _query = EmulatedQueryResponder.TryStart(EndPoint.Port, Console, options.Query);
        _acceptLoop = Task.Run(AcceptLoopAsync);
        _matchLoop = options.MatchRoundInterval is { } interval ? Task.Run(() => PlayMatchAsync(interval, _stopping.Token)) : Task.CompletedTask;
    }

    /// <summary>The settings the server was started with. <see cref="EmulatedServerOptions.Faults"/> may be changed while it runs.</summary>
    public EmulatedServerOptions Options { get; }

    /// <summary>The console the server answers from; add cvars and commands to it at any time.</summary>
    public ServerConsole Console { get; }

    /// <summary>The address the server listens on (127.0.0.1 and the port chosen).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>
    /// Where the server answers Steam server queries (A2S): UDP at the same address and port as RCON, as srcds does; null
    /// in the rare case that port was taken for UDP by another program.
    /// </summary>
    public IPEndPoint? QueryEndPoint => _query?.EndPoint;

    /// <summary>The port the server listens on.</summary>
    public int Port => EndPoint.Port;

    /// <summary>The RCON password.</summary>
    public string Password => Options.Password;

    /// <summary>How many connections were accepted so far (banned ones included).</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Starts a server with the given settings (or the defaults) on 127.0.0.1.</summary>
    public static EmulatedServer Start(EmulatedServerOptions? options = null) => new(options ?? new EmulatedServerOptions());

    /// <summary>Whether an address is banned.</summary>
    public bool IsBanned(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _banned.ContainsKey(address.ToString());
    }

    /// <summary>Lifts a ban, as the <c>removeip</c> console command does, and forgets the address's failures.</summary>
    public void RemoveIp(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        _banned.TryRemove(address.ToString(), out _);
        _failures.TryRemove(address.ToString(), out _);
    }

    /// <summary>Drops every open connection at once (the server keeps listening), as a crash or a network cut would.</summary>
    public void DropConnections()
    {
        foreach (EmulatedConnection connection in _connections.Keys)
        {
            connection.Abort();
        }
    }

    /// <summary>Stops listening and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _listener.Dispose();
        _query?.Dispose();
        foreach (EmulatedConnection connection in _connections.Keys)
        {
            connection.Abort();
        }

        await Task.WhenAll(_connections.Values.Append(_acceptLoop).Append(_matchLoop)).ConfigureAwait(false);
        Console.Log.Dispose();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A scripted round every <paramref name="interval"/> until the server stops; ends quietly at the stop.</summary>
    private async Task PlayMatchAsync(TimeSpan interval, CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, stopping).ConfigureAwait(false);
                Console.PlayRound();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Counts a failed authentication; true when the address is now banned.</summary>
    internal bool RecordAuthFailure(IPAddress address)
    {
        int failures = _failures.AddOrUpdate(address.ToString(), 1, (_, n) => n + 1);
        if (Options.MaxAuthFailures > 0 && failures >= Options.MaxAuthFailures)
        {
            Ban(address);
            return true;
        }

        return false;
    }

    internal void Ban(IPAddress address) => _banned[address.ToString()] = true;

    /// <summary>
    /// A connection to this server that never touches the network: the client end of an in-memory stream pair, served
    /// like a TCP connection from 127.0.0.1. Pass it from <c>RconClientOptions.ConnectionFactory</c>. Disposing it ends
    /// the connection.
    /// </summary>
    public Stream ConnectInMemory()
    {
        (Stream client, Stream server) = InMemoryStreamPair.Create();
        Serve(server, IPAddress.Loopback);
        return client;
    }

    /// <summary>Serves one connection over <paramref name="stream"/> as if it came from <paramref name="address"/>.</summary>
    internal void Serve(Stream stream, IPAddress address)
    {
        Interlocked.Increment(ref _connectionCount);
        var connection = new EmulatedConnection(this, stream, address);
        // Registered before it runs, so a connection that ends at once is still removed.
        _connections[connection] = Task.CompletedTask;
        Task run = Task.Run(async () =>
        {
            try
            {
                await connection.RunAsync(_stopping.Token).ConfigureAwait(false);
            }
            finally
            {
                _connections.TryRemove(connection, out _);
            }
        });
        _connections.TryUpdate(connection, run, Task.CompletedTask);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            socket.NoDelay = true;
            Serve(new NetworkStream(socket, ownsSocket: true), ((IPEndPoint)socket.RemoteEndPoint!).Address);
        }
    }
}
