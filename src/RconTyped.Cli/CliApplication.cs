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
        };
        var execute = new Option<string?>("--execute", "-e")
        {
            Description = "Run this command, print its answer and exit.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "With --execute: print {\"server\", \"command\", \"response\"} as JSON.",
        };
        ConnectionOptions connection = ConnectionOptions.Create();

        var root = new RootCommand("rcon-typed: run commands on Source RCON servers (srcds, CS2 and compatible).")
        {
            address,
            execute,
            json,
        };
        connection.AddTo(root);
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(CaptureCommand.Create(console, ConnectionOptions.Create()));
        root.Subcommands.Add(DiffCommand.Create(console));
        root.Subcommands.Add(RecordCommand.Create(console, ConnectionOptions.Create()));
        root.Subcommands.Add(LogsCommand.Create(console, ConnectionOptions.Create()));

        root.SetAction(async (result, token) =>
        {
            string? server = result.GetValue(address);
            string? command = result.GetValue(execute);
            ConnectionRequest request = connection.Read(result, server ?? string.Empty);
            if (command is null)
            {
                var shell = new ShellSession(console, request, ShellStore.ForPlatform(console.GetEnvironmentVariable));
                return await shell.RunAsync(server, token).ConfigureAwait(false);
            }

            if (server is null)
            {
                return CliFailure.Report(console, ExitCode.Usage, "--execute needs the server's address: rcon-typed HOST[:PORT] --execute \"COMMAND\".");
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

            if (fleet is { } group)
            {
                return await FleetExecution.RunAsync(console, request, group.Members, group.Config, command, result.GetValue(json), token).ConfigureAwait(false);
            }

            return await ExecuteAsync(console, request, command, result.GetValue(json), token).ConfigureAwait(false);
        });
        return root;
    }

    private static async Task<int> ExecuteAsync(CliConsole console, ConnectionRequest request, string command, bool json, CancellationToken cancellationToken)
    {
        (RconClient? client, int exitCode) = await CliConnector.ConnectAsync(console, request, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return exitCode;
        }

        await using (client)
        {
            try
            {
                RconResponse response = await client.ExecuteRawAsync(command, cancellationToken).ConfigureAwait(false);
                if (json)
                {
                    await console.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(new ExecuteResult(request.Address, command, response.Text, response.IsTruncated), CliJson.Default.ExecuteResult)).ConfigureAwait(false);
                }
                else
                {
                    await CliConnector.PrintAnswerAsync(console, response, cancellationToken).ConfigureAwait(false);
                }

                return ExitCode.Success;
            }
            catch (Exception e) when (CliFailure.IsExpected(e))
            {
                return CliFailure.Report(console, e);
            }
        }
    }
}
