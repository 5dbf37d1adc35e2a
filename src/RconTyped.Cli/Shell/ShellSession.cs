namespace RconTyped.Cli.Shell;

/// <summary>
/// The interactive shell (python-valve's, then better): each line goes to the server and its answer is printed;
/// lines starting with '!' belong to the shell. With input from a pipe it runs each line and exits 0 at the end.
/// </summary>
internal sealed class ShellSession
{
    private const string ShellHelp = """
        Lines go to the server as console commands; their answers are printed.
        Shell commands:
          !connect HOST[:PORT] [PASSWORD]   connect (asks for the password when it is not given; disconnects first)
          !disconnect                       close the connection
          !shutdown                         send 'exit' to the server, after a confirmation
          !exit                             leave the shell (the server keeps running)
        When connected, 'help' and 'help NAME' are the server's own help. Tab completes cvar and command names.
        """;

    private readonly CliConsole _console;
    private readonly ConnectionRequest _defaults;
    private readonly ShellStore _store;
    private readonly ILineReader _reader;
    private readonly List<string> _history;
    private readonly SessionRecorder? _recorder;
    private RconClient? _client;
    private string? _server;
    private CompletionIndex _completion = CompletionIndex.Empty;
    private CancellationTokenSource? _running;

    public ShellSession(CliConsole console, ConnectionRequest defaults, ShellStore store, SessionRecorder? recorder = null)
    {
        _recorder = recorder;
        _console = console;
        _defaults = defaults;
        _store = store;
        _history = store.LoadHistory();
        _reader = console.IsInputRedirected ? new PlainLineReader(console.In) : new TerminalLineReader(_history);
    }

    private bool Interactive => !_console.IsInputRedirected;

    public async Task<int> RunAsync(string? address, CancellationToken cancellationToken)
    {
        if (Interactive)
        {
            Console.CancelKeyPress += CancelRunningCommand;
        }

        try
        {
            if (address is not null)
            {
                int connected = await ConnectAsync(address, _defaults.Password, cancellationToken).ConfigureAwait(false);
                if (connected != ExitCode.Success && !Interactive)
                {
                    return connected;
                }
            }
            else if (Interactive)
            {
                _console.Out.WriteLine("Not connected. Type !connect HOST[:PORT], or help.");
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                string? line = _reader.ReadLine(_server is null ? "rcon> " : $"{_server}> ", () => _completion);
                if (line is null)
                {
                    break;
                }

                line = line.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (line[0] == '!')
                {
                    if (!await RunShellCommandAsync(line, cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    continue;
                }

                await RunServerCommandAsync(line, cancellationToken).ConfigureAwait(false);
            }

            return ExitCode.Success;
        }
        finally
        {
            if (Interactive)
            {
                Console.CancelKeyPress -= CancelRunningCommand;
                _store.SaveHistory(_history);
            }

            await DisconnectAsync().ConfigureAwait(false);
            if (_recorder is not null)
            {
                _recorder.Save();
                _console.Error.WriteLine($"rcon-typed: recorded {_recorder.Count} commands to {_recorder.Output.FullName}.");
            }
        }
    }

    private async Task RunServerCommandAsync(string line, CancellationToken cancellationToken)
    {
        if (_client is null)
        {
            if (line is "help" or "?")
            {
                _console.Out.WriteLine(ShellHelp);
            }
            else
            {
                CliFailure.Report(_console, ExitCode.Usage, "not connected: use !connect HOST[:PORT] first.");
            }

            return;
        }

        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _running = running;
        try
        {
            TimeSpan started = _recorder?.Now ?? TimeSpan.Zero;
            RconResponse response;
            try
            {
                response = await _client.ExecuteRawAsync(line, running.Token).ConfigureAwait(false);
            }
            catch (RconTimeoutException)
            {
                _recorder?.Add(line, null, started);
                throw;
            }

            _recorder?.Add(line, response.Body.ToArray(), started);
            await CliConnector.PrintAnswerAsync(_console, response, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _console.Error.WriteLine("rcon-typed: cancelled (the connection stays open; a late answer is discarded).");
        }
        catch (Exception e) when (CliFailure.IsExpected(e))
        {
            CliFailure.Report(_console, e);
            if (_client.IsClosed)
            {
                await DisconnectAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _running = null;
        }
    }

    /// <summary>Runs a '!' command; false ends the shell.</summary>
    private async Task<bool> RunShellCommandAsync(string line, CancellationToken cancellationToken)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        switch (words[0].ToLowerInvariant())
        {
            case "!exit":
            case "!quit":
                return false;
            case "!connect" when words.Length is 2 or 3:
                await DisconnectAsync().ConfigureAwait(false);
                await ConnectAsync(words[1], words.Length == 3 ? words[2] : null, cancellationToken).ConfigureAwait(false);
                return true;
            case "!disconnect":
                if (_client is null)
                {
                    _console.Out.WriteLine("Not connected.");
                }

                await DisconnectAsync().ConfigureAwait(false);
                return true;
            case "!shutdown":
                if (_client is null)
                {
                    CliFailure.Report(_console, ExitCode.Usage, "not connected.");
                    return true;
                }

                _console.Out.Write($"Shut down the server at {_server}? It sends 'exit'. [y/N] ");
                _console.Out.Flush();
                string? answer = Interactive ? Console.ReadLine() : _console.In.ReadLine();
                if (answer?.Trim().ToLowerInvariant() is "y" or "yes")
                {
                    try
                    {
                        await _client.SendAsync("exit", cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (CliFailure.IsExpected(e))
                    {
                        CliFailure.Report(_console, e);
                    }

                    await DisconnectAsync().ConfigureAwait(false);
                }

                return true;
            case "!help":
                _console.Out.WriteLine(ShellHelp);
                return true;
            default:
                CliFailure.Report(_console, ExitCode.Usage, $"unknown shell command '{line}'. Shell commands: !connect HOST[:PORT] [PASSWORD], !disconnect, !shutdown, !exit.");
                return true;
        }
    }

    private async Task<int> ConnectAsync(string address, string? password, CancellationToken cancellationToken)
    {
        (RconClient? client, int exitCode) = await CliConnector.ConnectAsync(_console, _defaults with { Address = address, Password = password }, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return exitCode;
        }

        _client = client;
        _server = address;
        _completion = _store.LoadNames(address) ?? CompletionIndex.Empty;
        if (Interactive)
        {
            _console.Out.WriteLine($"Connected to {address} ({client.Dialect}).{(_completion.Count > 0 ? $" {_completion.Count} names for Tab completion, from the cache." : string.Empty)}");
        }

        // Fetch the names for completion in the background; the cached ones serve until then. Piped input has no Tab.
        if (Interactive)
        {
            _ = RefreshNamesAsync(client, address, cancellationToken);
        }

        return ExitCode.Success;
    }

    private async Task RefreshNamesAsync(RconClient client, string address, CancellationToken cancellationToken)
    {
        try
        {
            var names = new List<string>();
            await foreach (ConVar entry in client.GetConVarsAsync(cancellationToken).ConfigureAwait(false))
            {
                names.Add(entry.Name);
            }

            if (names.Count > 0 && ReferenceEquals(client, _client))
            {
                _completion = new CompletionIndex(names);
                _store.SaveNames(address, _completion);
            }
        }
        catch (Exception e) when (e is RconException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Completion is a convenience: a server without cvarlist still works.
        }
    }

    private async Task DisconnectAsync()
    {
        RconClient? client = _client;
        _client = null;
        _server = null;
        _completion = CompletionIndex.Empty;
        if (client is not null)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void CancelRunningCommand(object? sender, ConsoleCancelEventArgs e)
    {
        // Ctrl+C cancels the running command, not the shell; with no command running it ends the shell as usual.
        if (_running is { } running)
        {
            e.Cancel = true;
            running.Cancel();
        }
    }
}
