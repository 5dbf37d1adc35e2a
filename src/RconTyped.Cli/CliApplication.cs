using System.CommandLine;
using RconTyped.Cli.Shell;

namespace RconTyped.Cli;

/// <summary>
/// The <c>rcon-typed</c> command line: <c>rcon-typed HOST[:PORT] --execute "CMD"</c> (python-valve's single-command
/// mode), <c>rcon-typed [HOST[:PORT]]</c> (the shell), and subcommands such as <c>serve</c>.
/// </summary>
internal static class CliApplication
{
    public const string PasswordVariable = CliConnector.PasswordVariable;

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        RootCommand root = Build(console);
        // '@name' is a named server here, not a response file.
        ParseResult parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private static RootCommand Build(CliConsole console)
    {
        var address = new Argument<string?>("address")
        {
            Description = "The server, as HOST or HOST:PORT (the port defaults to 27015). Without --execute, the shell opens.",
            Arity = ArgumentArity.ZeroOrOne,
            Hidden = true,
        };
        var execute = new Option<string[]>("--execute", "-e")
        {
            Description = "Run this command, print its answer and exit. Give it again for more: they run in order, one connection.",
        };
        var file = new Option<string?>("--file")
        {
            Description = "Run the commands of this file, one a line (blank lines and lines starting with # are skipped), after any --execute.",
        };
        var keepGoing = new Option<bool>("--keep-going")
        {
            Description = "Run every command even when one fails (the exit code is still the first failure's); by default the run stops there.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "With --execute or --file: one JSON object a command, {\"server\", \"command\", \"response\"} or {…, \"error\"}.",
        };
        ConnectionOptions connection = ConnectionOptions.Create();

        var root = new RootCommand("rcon-typed: run commands on Source RCON servers (srcds, CS2 and compatible).\n  rcon-typed HOST[:PORT] -e \"CMD\" [-e \"CMD\" …] [--file FILE]   run commands and print their answers\n  rcon-typed [HOST[:PORT]]                                     the shell\n  HOST may be @name, @group or a comma list (servers.json, see --config).")
        {
            address,
            execute,
            file,
            keepGoing,
            json,
        };
        connection.AddTo(root);
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(CaptureCommand.Create(console, ConnectionOptions.Create()));
        root.Subcommands.Add(DiffCommand.Create(console));
        root.Subcommands.Add(RecordCommand.Create(console, ConnectionOptions.Create()));
        root.Subcommands.Add(LogsCommand.Create(console, ConnectionOptions.Create()));
        root.Subcommands.Add(QueryCommand.Create(console));

        root.SetAction(async (result, token) =>
        {
            string? server = result.GetValue(address);
            ConnectionRequest request = connection.Read(result, server ?? string.Empty);
            IReadOnlyList<string> commands;
            try
            {
                commands = CommandScript.Read(result.GetValue(execute) ?? [], result.GetValue(file));
            }
            catch (FormatException e)
            {
                return CliFailure.Report(console, ExitCode.Usage, e.Message);
            }

            if (commands.Count == 0)
            {
                var shell = new ShellSession(console, request, ShellStore.ForPlatform(console.GetEnvironmentVariable));
                return await shell.RunAsync(server, token).ConfigureAwait(false);
            }

            if (server is null)
            {
                return CliFailure.Report(console, ExitCode.Usage, "--execute and --file need the server's address: rcon-typed HOST[:PORT] --execute \"COMMAND\".");
            }

            (IReadOnlyList<string> Members, NamedServers? Config)? fleet;
            try
            {
                fleet = FleetExecution.Members(console, server, request.ConfigPath);
            }
            catch (FormatException e)
            {
                return CliFailure.Report(console, ExitCode.Usage, e.Message);
            }

            bool asJson = result.GetValue(json);
            bool untilTheEnd = result.GetValue(keepGoing);
            if (fleet is { } group)
            {
                int firstFailure = ExitCode.Success;
                foreach (string command in commands)
                {
                    int code = await FleetExecution.RunAsync(console, request, group.Members, group.Config, command, asJson, token).ConfigureAwait(false);
                    firstFailure = firstFailure == ExitCode.Success ? code : firstFailure;
                    if (code != ExitCode.Success && !untilTheEnd)
                    {
                        break;
                    }
                }

                return firstFailure;
            }

            return await ExecuteAsync(console, request, commands, asJson, untilTheEnd, token).ConfigureAwait(false);
        });
        return root;
    }

    /// <summary>The commands in order on one connection; stops at the first that fails unless <paramref name="keepGoing"/>. Returns the first failure's exit code.</summary>
    private static async Task<int> ExecuteAsync(CliConsole console, ConnectionRequest request, IReadOnlyList<string> commands, bool json, bool keepGoing, CancellationToken cancellationToken)
    {
        (RconClient? client, int exitCode) = await CliConnector.ConnectAsync(console, request, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return exitCode;
        }

        await using (client)
        {
            int firstFailure = ExitCode.Success;
            foreach (string command in commands)
            {
                int code = await ExecuteOneAsync(console, client, request.Address, command, json, cancellationToken).ConfigureAwait(false);
                firstFailure = firstFailure == ExitCode.Success ? code : firstFailure;
                if (code != ExitCode.Success && !keepGoing)
                {
                    break;
                }
            }

            return firstFailure;
        }
    }

    private static async Task<int> ExecuteOneAsync(CliConsole console, RconClient client, string server, string command, bool json, CancellationToken cancellationToken)
    {
        try
        {
            RconResponse response = await client.ExecuteRawAsync(command, cancellationToken).ConfigureAwait(false);
            if (json)
            {
                await WriteJsonAsync(console, new ExecuteResult(server, command, response.Text, response.IsTruncated)).ConfigureAwait(false);
            }
            else
            {
                await CliConnector.PrintAnswerAsync(console, response, cancellationToken).ConfigureAwait(false);
            }

            return ExitCode.Success;
        }
        catch (Exception e) when (CliFailure.IsExpected(e))
        {
            int code = CliFailure.Report(console, e);
            if (json)
            {
                await WriteJsonAsync(console, new ExecuteResult(server, command, Response: null, Error: CliFailure.Describe(e))).ConfigureAwait(false);
            }

            return code;
        }
    }

    private static async Task WriteJsonAsync(CliConsole console, ExecuteResult result)
    {
        await console.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(result, CliJson.Default.ExecuteResult)).ConfigureAwait(false);
        await console.Out.FlushAsync().ConfigureAwait(false);
    }
}
