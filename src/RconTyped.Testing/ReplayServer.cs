using System.Collections.Concurrent;
using System.Net;

namespace RconTyped.Testing;

/// <summary>
/// An emulated server that answers the commands of a recording with the answers recorded for them, byte for byte,
/// so code can be tested offline against what a real server said. A command recorded several times gets its
/// answers in the order they were recorded (the last one repeats); a command not in the recording gets
/// <c>Unknown command</c> and is listed in <see cref="UnknownCommands"/>.
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    private readonly EmulatedServer _server;
    private readonly Dictionary<string, Queue<byte[]?>> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]?> _last = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _unknown = new();
    private readonly object _gate = new();

    private ReplayServer(Recording recording, EmulatedServerOptions options)
    {
        foreach (RecordedExchange exchange in recording.Exchanges)
        {
            if (!_answers.TryGetValue(exchange.Command, out Queue<byte[]?>? queue))
            {
                _answers[exchange.Command] = queue = new Queue<byte[]?>();
            }

            queue.Enqueue(exchange.Response);
        }

        options.Responder = Answer;
        _server = EmulatedServer.Start(options);
    }

    /// <summary>The address the server listens on.</summary>
    public IPEndPoint EndPoint => _server.EndPoint;

    /// <summary>The port it listens on.</summary>
    public int Port => _server.Port;

    /// <summary>The RCON password.</summary>
    public string Password => _server.Password;

    /// <summary>Commands that were asked for but are not in the recording.</summary>
    public IReadOnlyCollection<string> UnknownCommands => _unknown.ToArray();

    /// <summary>Starts a replay of <paramref name="recording"/> on 127.0.0.1.</summary>
    public static ReplayServer Start(Recording recording, EmulatedServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return new ReplayServer(recording, options ?? new EmulatedServerOptions());
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private byte[]? Answer(string command)
    {
        lock (_gate)
        {
            if (_answers.TryGetValue(command, out Queue<byte[]?>? queue))
            {
                if (queue.Count > 0)
                {
                    _last[command] = queue.Dequeue();
                }

                return _last[command];
            }
        }

        _unknown.Enqueue(command);
        string first = command.Split(' ', 2)[0];
        return _server.Options.Encoding.GetBytes($"Unknown command \"{first}\" (not in the recording)\n");
    }
}
