using System.CommandLine;
using System.Net;
using RconTyped.AspNetCore;
using RconTyped.Logs;

namespace RconTyped.Cli;

/// <summary>
/// <c>rcon-typed logs [HOST] --listen ADDRESS:PORT</c>: receives a server's log and prints its events. With HOST it
/// registers itself (<c>logaddress_add</c>, <c>log on</c>) and removes itself (<c>logaddress_del</c>) on Ctrl+C.
/// </summary>
internal static class LogsCommand
{
    public const string SecretVariable = "RCON_LOG_SECRET";

    public static Command Create(CliConsole console, ConnectionOptions connection)
    {
        var address = new Argument<string?>("address") { Description = "The server to register with, as HOST or HOST:PORT; without it, only listen.", Arity = ArgumentArity.ZeroOrOne };
        var listen = new Option<string>("--listen", "-l")
        {
            Description = "The address and UDP port to listen on (0 picks a free port).",
            DefaultValueFactory = _ => "0.0.0.0:0",
        };
        var json = new Option<bool>("--json") { Description = "One JSON object per event." };
        var http = new Option<bool>("--http") { Description = "Listen for HTTP posts (CS2's logaddress_add_http) instead of UDP datagrams; the secret, if any, is the URL's path." };
        var filter = new Option<string?>("--filter") { Description = "Only these events: kill, damage, assist, suicide, say, connect, enter, disconnect, team, trigger, world, score, map, cvar, rcon, unknown, or an event name (PlayerHealed)." };
        var command = new Command("logs", $"Receive a server's log (UDP logaddress, or HTTP with --http) and print its events. The sv_logsecret, if set, comes from {SecretVariable}.") { address, listen, json, filter, http };
        connection.AddTo(command);
        command.SetAction((result, token) => RunAsync(
            console,
            result.GetValue(address) is { } server ? connection.Read(result, server) : null,
            result.GetValue(listen)!,
            result.GetValue(json),
            result.GetValue(filter),
            result.GetValue(http),
            token));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ConnectionRequest? request, string listen, bool json, string? filterText, bool http, CancellationToken cancellationToken)
    {
        LogEventFilter filter;
        try
        {
            filter = LogEventFilter.Parse(filterText);
        }
        catch (FormatException e)
        {
            return CliFailure.Report(console, ExitCode.Usage, e.Message);
        }

        if (!IPEndPoint.TryParse(listen, out IPEndPoint? endPoint))
        {
            return CliFailure.Report(console, ExitCode.Usage, $"--listen: '{listen}' is not ADDRESS:PORT (for example 0.0.0.0:27500).");
        }

        var options = new RconLogListenerOptions { BindAddress = endPoint.Address, Port = endPoint.Port, Secret = console.GetEnvironmentVariable(SecretVariable) };
        await using var udp = http ? null : new RconLogListener(options);
        await using var web = http ? new RconHttpLogListener(options) : null;
        try
        {
            await (udp?.StartAsync(cancellationToken) ?? web!.StartAsync(cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException)
        {
            return CliFailure.Report(console, ExitCode.Usage, $"cannot listen on {listen}: {e.Message}");
        }

        IAsyncEnumerable<LogEvent> events = udp?.ReadAllAsync(cancellationToken) ?? web!.ReadAllAsync(cancellationToken);
        string where = udp is not null ? $"{udp.EndPoint} (UDP)" : $"{Shown(web!.Uri.ToString(), options.Secret)} (HTTP)";
        RconClient? client = null;
        RconLogStream? stream = null;
        try
        {
            if (request is not null)
            {
                (client, int exitCode) = await CliConnector.ConnectAsync(console, request, cancellationToken).ConfigureAwait(false);
                if (client is null)
                {
                    return exitCode;
                }

                stream = udp is not null
                    ? await client.StartLogStreamAsync(udp, cancellationToken: cancellationToken).ConfigureAwait(false)
                    : await client.StartHttpLogStreamAsync(web!, cancellationToken: cancellationToken).ConfigureAwait(false);
                console.Error.WriteLine($"rcon-typed: {request.Address} sends its log to {Shown(stream.Address, options.Secret)}; Ctrl+C removes it.");
            }
            else
            {
                console.Error.WriteLine($"rcon-typed: listening for logs on {where}; point a server at it with logaddress_add{(udp is null ? "_http" : string.Empty)}.");
            }

            await foreach (LogEvent e in events.ConfigureAwait(false))
            {
                if (filter.Allows(e))
                {
                    await console.Out.WriteLineAsync(json ? LogEventPrinter.Json(e) : LogEventPrinter.Text(e, console.UseColor)).ConfigureAwait(false);
                    await console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }

            return ExitCode.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCode.Success;
        }
        catch (Exception e) when (CliFailure.IsExpected(e))
        {
            return CliFailure.Report(console, e);
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            if (client is not null)
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }

            RconLogListenerStatistics statistics = udp?.Statistics ?? web!.Statistics;
            if (statistics.NotAllowed + statistics.BadSecret + statistics.Malformed + statistics.Overflowed > 0)
            {
                console.Error.WriteLine($"rcon-typed: dropped {statistics.NotAllowed} from addresses not allowed, {statistics.BadSecret} with a wrong or missing secret, {statistics.Malformed} malformed, {statistics.Busy} refused while busy, {statistics.Overflowed} behind the queue.");
            }
        }
    }

    /// <summary>An address as it may be printed: over HTTP the secret is the URL's path, and a secret is never printed.</summary>
    private static string Shown(string address, string? secret) =>
        string.IsNullOrEmpty(secret) ? address : address.Replace(Uri.EscapeDataString(secret), "***", StringComparison.Ordinal);
}
