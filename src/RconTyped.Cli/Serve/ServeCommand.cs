using System.CommandLine;
using RconTyped.Schema;
using RconTyped.Testing;

namespace RconTyped.Cli;

/// <summary><c>rcon-typed serve</c>: the emulated Source server on 127.0.0.1, for local development and demos.</summary>
internal static class ServeCommand
{
    public const string DefaultPassword = "rcon-typed";

    public static Command Create(CliConsole console)
    {
        var cvarList = new Option<FileInfo?>("--cvarlist") { Description = "Load the console from a cvarlist dump (any format the generator reads)." };
        var schema = new Option<FileInfo?>("--schema") { Description = "Load the console from an *.rcon.json schema (types, defaults and bounds)." };
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 27015 };
        var password = new Option<string?>("--password") { Description = $"The RCON password; else {CliConnector.PasswordVariable}, else '{DefaultPassword}'." };
        var replay = new Option<FileInfo?>("--replay") { Description = "Answer the commands of a recording (from 'rcon-typed record') with their recorded answers." };
        var mode = new Option<string>("--mode")
        {
            Description = $"The game to behave as: {string.Join(", ", EmulatedGame.All.Select(g => $"{g.Name} (players: {g.Dialect.StatusCommand})"))}; default {EmulatedGame.All[0].Name} (srcds). Three players are on the server; kick and the game's own commands work.",
            DefaultValueFactory = _ => EmulatedGame.All[0].Name,
        };
        mode.AcceptOnlyFromAmong([.. EmulatedGame.All.Select(g => g.Name)]);
        var writePerPacket = new Option<bool>("--write-per-packet")
        {
            Description = "Send every packet in its own write, a few milliseconds apart, as real servers do (for clients that read one packet per read, such as python3-rcon).",
        };
        var match = new Option<bool>("--match")
        {
            Description = "Play a scripted round (kills, chat, scores) every 2 seconds, for log listeners pointed at the server (logaddress_add, log on).",
        };
        var queryCompress = new Option<bool>("--query-compress")
        {
            Description = "Answer server queries (A2S, UDP at the same port) that need splitting with bzip2-compressed pieces, as some Source servers do.",
        };
        var queryGoldSource = new Option<bool>("--query-goldsource")
        {
            Description = "Answer server queries in GoldSource's layouts (the 'm' INFO answer, 4-bit split headers).",
        };
        var command = new Command("serve", "Run the emulated Source RCON server on 127.0.0.1 until Ctrl+C; it answers server queries (A2S) on the same UDP port.")
        {
            cvarList, schema, replay, port, password, mode, writePerPacket, match, queryCompress, queryGoldSource,
        };
        command.Validators.Add(result =>
        {
            if (new object?[] { result.GetValue(cvarList), result.GetValue(schema), result.GetValue(replay) }.Count(v => v is not null) > 1)
            {
                result.AddError("Give one of --cvarlist, --schema and --replay.");
            }
        });
        command.SetAction((result, token) => RunAsync(
            console,
            result.GetValue(cvarList) ?? result.GetValue(schema),
            result.GetValue(replay),
            result.GetValue(port),
            result.GetValue(password),
            EmulatedGame.Find(result.GetValue(mode)!)!.Mode,
            result.GetValue(writePerPacket),
            result.GetValue(match),
            (result.GetValue(queryCompress), result.GetValue(queryGoldSource)),
            token));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, FileInfo? file, FileInfo? replay, int port, string? password, EmulatedServerMode mode, bool writePerPacket, bool match, (bool Compress, bool GoldSource) query, CancellationToken cancellationToken)
    {
        Recording? recording = null;
        if (replay is not null)
        {
            if (!replay.Exists)
            {
                return CliFailure.Report(console, ExitCode.Usage, $"{replay.FullName} does not exist.");
            }

            try
            {
                recording = RecordingFile.Read(await File.ReadAllBytesAsync(replay.FullName, cancellationToken).ConfigureAwait(false), replay.Name);
            }
            catch (RecordingFormatException e)
            {
                return CliFailure.Report(console, ExitCode.Usage, e.Message);
            }
        }

        string? text = null;
        if (file is not null)
        {
            if (!file.Exists)
            {
                return CliFailure.Report(console, ExitCode.Usage, $"{file.FullName} does not exist.");
            }

            text = await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        }

        string? fromEnvironment = console.GetEnvironmentVariable(CliConnector.PasswordVariable) is { Length: > 0 } variable ? variable : null;
        string source = password is not null ? "--password" : fromEnvironment is not null ? CliConnector.PasswordVariable : $"the default '{DefaultPassword}'";
        if (password is not null)
        {
            console.Error.WriteLine($"rcon-typed: warning: a password given on the command line can be seen by other users of this machine; prefer {CliConnector.PasswordVariable}.");
        }

        var options = new EmulatedServerOptions
        {
            Port = port,
            Mode = mode,
            WritePerPacket = writePerPacket,
            MatchRoundInterval = match ? TimeSpan.FromSeconds(2) : null,
            Password = password ?? fromEnvironment ?? DefaultPassword,
            CvarList = text is null ? null : string.Empty,
        };
        (options.Query.Compress, options.Query.GoldSource) = query;

        if (recording is not null)
        {
            return await RunUntilCancelledAsync(
                console,
                port,
                () => ReplayServer.Start(recording, options),
                replay => $"Replaying {recording.Exchanges.Count} exchanges recorded from {recording.Server} on {replay.EndPoint} (password from {source}). Ctrl+C stops it.",
                cancellationToken).ConfigureAwait(false);
        }

        return await RunUntilCancelledAsync(
            console,
            port,
            () => EmulatedServer.Start(options),
            server =>
            {
                int entries = text is null ? server.Console.Variables.Count : Load(server.Console, text);
                return $"Emulated {mode} server listening on {server.EndPoint} ({entries} entries; password from {source}). Ctrl+C stops it.";
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a server, readies it and prints the line <paramref name="ready"/> returns, then serves until Ctrl+C.</summary>
    private static async Task<int> RunUntilCancelledAsync<TServer>(CliConsole console, int port, Func<TServer> start, Func<TServer, string> ready, CancellationToken cancellationToken)
        where TServer : IAsyncDisposable
    {
        TServer server;
        try
        {
            server = start();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            return CliFailure.Report(console, ExitCode.ConnectionFailure, $"cannot listen on 127.0.0.1:{port}: {e.Message}. Pick another --port (0 for any free one).");
        }

        await using (server.ConfigureAwait(false))
        {
            console.Out.WriteLine(ready(server));
            console.Out.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return ExitCode.Success;
    }

    /// <summary>Fills the console from a dump or schema: cvars with their defaults and bounds, commands answering nothing.</summary>
    internal static int Load(ServerConsole console, string text)
    {
        ConsoleSchema schema = SchemaFileParser.Parse(text);
        foreach (ConsoleEntry entry in schema.Entries)
        {
            if (entry.IsCommand)
            {
                // Built-in commands (echo, status, cvarlist, help …) keep their behaviour.
                if (!console.HasCommand(entry.Name))
                {
                    console.AddCommand(entry.Name, _ => string.Empty, entry.Description);
                }
            }
            else
            {
                console.AddVariable(new ConsoleVariable(entry.Name, entry.Default ?? entry.Value ?? string.Empty, entry.Min, entry.Max, [.. entry.Flags], entry.Description));
            }
        }

        return schema.Entries.Count;
    }
}
