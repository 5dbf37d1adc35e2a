using System.CommandLine;
using System.Globalization;
using System.Text;

namespace RconTyped.Cli;

/// <summary>
/// The <c>rcon-typed</c> command line: <c>rcon-typed HOST[:PORT] --execute "CMD"</c> (python-valve's single-command
/// mode). Subcommands (shell, capture, serve, record) attach to the same root command.
/// </summary>
internal static class CliApplication
{
    public const string PasswordVariable = "RCON_PASSWORD";

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        RootCommand root = Build(console);
        ParseResult parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private static RootCommand Build(CliConsole console)
    {
        var address = new Argument<string>("address")
        {
            Description = "The server, as HOST or HOST:PORT (the port defaults to 27015).",
        };
        var execute = new Option<string?>("--execute", "-e")
        {
            Description = "Run this command, print its answer and exit.",
        };
        var password = new Option<string?>("--password", "-p")
        {
            Description = $"The RCON password. Visible to other users of this machine: prefer the {PasswordVariable} environment variable or the prompt.",
        };
        var timeout = new Option<double>("--timeout", "-t")
        {
            Description = "Seconds to wait for the connection and for each answer.",
            DefaultValueFactory = _ => 10,
        };
        timeout.Validators.Add(result =>
        {
            double value = result.GetValueOrDefault<double>();
            if (!(value > 0) || double.IsInfinity(value))
            {
                result.AddError("--timeout must be a positive number of seconds.");
            }
        });
        var encoding = new Option<string>("--encoding")
        {
            Description = "The server's text encoding: utf-8 (default), latin1, ascii, or another .NET encoding name.",
            DefaultValueFactory = _ => "utf-8",
        };
        var dialect = new Option<string>("--dialect")
        {
            Description = "auto (default: decided at authentication), source (srcds: TF2, CS:GO, GMod …) or cs2.",
            DefaultValueFactory = _ => "auto",
        };
        dialect.AcceptOnlyFromAmong("auto", "source", "cs2");

        var root = new RootCommand("rcon-typed: run commands on Source RCON servers (srcds, CS2 and compatible).")
        {
            address,
            execute,
            password,
            timeout,
            encoding,
            dialect,
        };

        root.SetAction((result, token) => ExecuteAsync(
            console,
            new ExecuteRequest(
                result.GetValue(address)!,
                result.GetValue(execute),
                result.GetValue(password),
                result.GetValue(timeout),
                result.GetValue(encoding)!,
                result.GetValue(dialect)!),
            token));
        return root;
    }

    private static async Task<int> ExecuteAsync(CliConsole console, ExecuteRequest request, CancellationToken cancellationToken)
    {
        if (request.Command is null)
        {
            return Fail(console, ExitCode.Usage, "pass the command to run with --execute \"COMMAND\" (the interactive shell is not available yet).");
        }

        (string host, int port) address;
        Encoding encoding;
        try
        {
            address = RconAddress.Parse(request.Address);
            encoding = Encoding.GetEncoding(request.Encoding);
        }
        catch (FormatException e)
        {
            return Fail(console, ExitCode.Usage, e.Message);
        }
        catch (ArgumentException)
        {
            return Fail(console, ExitCode.Usage, $"unknown encoding '{request.Encoding}'; try utf-8, latin1 or ascii.");
        }

        string? password = ResolvePassword(console, request.Password);
        if (password is null)
        {
            return Fail(console, ExitCode.Usage, $"no password: set the {PasswordVariable} environment variable, or run in a terminal to be prompted.");
        }

        var options = new RconClientOptions
        {
            ConnectTimeout = TimeSpan.FromSeconds(request.TimeoutSeconds),
            CommandTimeout = TimeSpan.FromSeconds(request.TimeoutSeconds),
            Encoding = encoding,
            Dialect = request.Dialect switch
            {
                "source" => RconDialect.Source,
                "cs2" => RconDialect.Cs2,
                _ => RconDialect.Auto,
            },
        };

        try
        {
            await using var client = new RconClient(address.host, address.port, options);
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await client.AuthenticateAsync(password, cancellationToken).ConfigureAwait(false);
            string answer = await client.ExecuteAsync(request.Command, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteAsync(answer).ConfigureAwait(false);
            if (answer.Length > 0 && !answer.EndsWith('\n'))
            {
                await console.Out.WriteLineAsync().ConfigureAwait(false);
            }

            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return ExitCode.Success;
        }
        catch (ArgumentException e)
        {
            return Fail(console, ExitCode.Usage, e.Message);
        }
        catch (RconAuthenticationException e)
        {
            return Fail(console, ExitCode.AuthenticationFailure, e.Message);
        }
        catch (RconTimeoutException e)
        {
            return Fail(console, ExitCode.Timeout, e.Message);
        }
        catch (RconEncodingException e)
        {
            return Fail(console, ExitCode.EncodingFailure, e.Message.Replace("ExecuteRawAsync(...).Body", "--encoding", StringComparison.Ordinal));
        }
        catch (RconException e)
        {
            return Fail(console, ExitCode.ConnectionFailure, e.Message);
        }
    }

    private static string? ResolvePassword(CliConsole console, string? fromOption)
    {
        if (fromOption is not null)
        {
            console.Error.WriteLine($"rcon-typed: warning: a password given with --password can be seen by other users of this machine (process list, shell history); prefer the {PasswordVariable} environment variable or the prompt.");
            return fromOption;
        }

        string? fromEnvironment = console.GetEnvironmentVariable(PasswordVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        return console.IsInputRedirected ? null : console.ReadSecret("Password: ");
    }

    private static int Fail(CliConsole console, int exitCode, string message)
    {
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rcon-typed: error: {message}"));
        return exitCode;
    }
}
