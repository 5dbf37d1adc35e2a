using System.Text;

namespace RconTyped.Cli;

/// <summary>Resolves the password and options, then connects and authenticates.</summary>
internal static class CliConnector
{
    public const string PasswordVariable = "RCON_PASSWORD";

    /// <summary>Connects; on failure reports one line and returns the exit code instead of a client.</summary>
    public static async Task<(RconClient? Client, int ExitCode)> ConnectAsync(CliConsole console, ConnectionRequest request, CancellationToken cancellationToken)
    {
        (RconFleetServer? server, int exitCode) = Prepare(console, request);
        if (server is null)
        {
            return (null, exitCode);
        }

        (string host, int port) = RconAddress.Parse(server.Address);
        var client = new RconClient(host, port, server.Options);
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await client.AuthenticateAsync(server.Password, cancellationToken).ConfigureAwait(false);
            return (client, ExitCode.Success);
        }
        catch (Exception e) when (CliFailure.IsExpected(e))
        {
            await client.DisposeAsync().ConfigureAwait(false);
            return (null, CliFailure.Report(console, e));
        }
    }

    /// <summary>Resolves a named server, the address, the options and the password; on failure reports one line and returns the exit code.</summary>
    /// <param name="console">Where errors go.</param>
    /// <param name="request">What the command line asked for.</param>
    /// <param name="config">The named-servers file, when the caller has already read it (a fleet reads it once).</param>
    public static (RconFleetServer? Server, int ExitCode) Prepare(CliConsole console, ConnectionRequest request, NamedServers? config = null)
    {
        RconClientOptions options;
        try
        {
            request = ResolveNamedServer(console, request, config);
            RconAddress.Parse(request.Address);
            options = CreateOptions(request, console.Time);
        }
        catch (FormatException e)
        {
            return (null, CliFailure.Report(console, ExitCode.Usage, e.Message));
        }
        catch (ArgumentException)
        {
            return (null, CliFailure.Report(console, ExitCode.Usage, $"unknown encoding '{request.Encoding}'; try utf-8, latin1 or ascii."));
        }

        string? password = ResolvePassword(console, request.Password, request.PasswordFromConfig || request.PasswordFromEnvironment);
        if (password is null)
        {
            return (null, CliFailure.Report(console, ExitCode.Usage, $"no password: set the {PasswordVariable} environment variable, or run in a terminal to be prompted."));
        }

        return (new RconFleetServer(request.Address, password, options), ExitCode.Success);
    }

    /// <summary>
    /// Replaces an <c>@name</c> address with the config's address and dialect; its password comes from the named
    /// environment variable, or from the file itself (owner-only files only), unless --password was given.
    /// </summary>
    private static ConnectionRequest ResolveNamedServer(CliConsole console, ConnectionRequest request, NamedServers? config)
    {
        if (!request.Address.StartsWith('@'))
        {
            return request;
        }

        config ??= NamedServers.Load(request.ConfigPath ?? NamedServers.DefaultPath(console.GetEnvironmentVariable));
        string name = request.Address[1..];
        RconServerSettings server = config.Find(name);
        string? password = request.Password;
        if (password is null && server.PasswordVariable is { Length: > 0 })
        {
            try
            {
                password = server.ResolvePassword(console.GetEnvironmentVariable);
            }
            catch (InvalidOperationException e)
            {
                throw new FormatException($"@{name}: {e.Message}");
            }
        }

        return request with
        {
            Address = server.Address,
            Dialect = request.Dialect == "auto" && server.Dialect is { } dialect ? dialect : request.Dialect,
            Password = password ?? server.Password,
            PasswordFromConfig = password is null && server.Password is not null,
            PasswordFromEnvironment = request.Password is null && server.PasswordVariable is not null,
        };
    }

    /// <summary>Prints a response's text as <see cref="PrintAnswerAsync(CliConsole, string, CancellationToken)"/> does, and warns on stderr when the server cut it short.</summary>
    public static async Task PrintAnswerAsync(CliConsole console, RconResponse response, CancellationToken cancellationToken)
    {
        await PrintAnswerAsync(console, response.Text, cancellationToken).ConfigureAwait(false);
        if (response.IsTruncated)
        {
            await console.Error.WriteLineAsync("rcon-typed: warning: the answer is probably incomplete: its packet stopped short of the length the server declared (Palworld does this with non-ASCII text).").ConfigureAwait(false);
        }
    }

    /// <summary>Prints an answer as it came, adding a final newline only when it lacks one.</summary>
    public static async Task PrintAnswerAsync(CliConsole console, string answer, CancellationToken cancellationToken)
    {
        await console.Out.WriteAsync(answer).ConfigureAwait(false);
        if (answer.Length > 0 && !answer.EndsWith('\n'))
        {
            await console.Out.WriteLineAsync().ConfigureAwait(false);
        }

        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static RconClientOptions CreateOptions(ConnectionRequest request, TimeProvider time) => new()
    {
        TimeProvider = time,
        ConnectTimeout = TimeSpan.FromSeconds(request.TimeoutSeconds),
        CommandTimeout = TimeSpan.FromSeconds(request.TimeoutSeconds),
        Encoding = Encoding.GetEncoding(request.Encoding),
        Dialect = RconDialect.Parse(request.Dialect),
    };

    private static string? ResolvePassword(CliConsole console, string? fromOption, bool fromConfig)
    {
        if (fromOption is not null && fromConfig)
        {
            return fromOption;
        }

        if (fromOption is not null)
        {
            console.Error.WriteLine($"rcon-typed: warning: a password given on the command line can be seen by other users of this machine (process list, shell history); prefer the {PasswordVariable} environment variable or the prompt.");
            return fromOption;
        }

        string? fromEnvironment = console.GetEnvironmentVariable(PasswordVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        return console.IsInputRedirected ? null : console.ReadSecret("Password: ");
    }
}
