using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RconTyped.Schema;
using Spectre.Console;

namespace RconTyped.Cli;

/// <summary>
/// <c>rcon-typed capture HOST[:PORT] --out FILE</c>: the server's whole <c>cvarlist</c>, written as an
/// <c>*.rcon.json</c> schema for the generator (or the raw dump with <c>--raw</c>); <c>--with-help</c> also asks
/// <c>help NAME</c> for every cvar to learn defaults and bounds.
/// </summary>
internal static partial class CaptureCommand
{
    public static Command Create(CliConsole console, ConnectionOptions connection)
    {
        var address = new Argument<string>("address") { Description = "The server, as HOST or HOST:PORT." };
        var output = new Option<FileInfo>("--out", "-o") { Description = "The file to write.", Required = true };
        var raw = new Option<bool>("--raw") { Description = "Write the cvarlist answer as it came, instead of a schema." };
        var withHelp = new Option<bool>("--with-help") { Description = "Also run 'help NAME' for each cvar, to learn defaults and bounds (one command per cvar)." };
        var json = new Option<bool>("--json") { Description = "Print a machine-readable summary." };
        var command = new Command("capture", "Capture a server's cvars and commands as a schema the generator reads.") { address, output, raw, withHelp, json };
        connection.AddTo(command);
        command.SetAction((result, token) => RunAsync(
            console,
            connection.Read(result, result.GetValue(address)!),
            result.GetValue(output)!,
            result.GetValue(raw),
            result.GetValue(withHelp),
            result.GetValue(json),
            token));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ConnectionRequest request, FileInfo output, bool raw, bool withHelp, bool json, CancellationToken cancellationToken)
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
                string dump = await client.ExecuteAsync("cvarlist", cancellationToken).ConfigureAwait(false);
                ConsoleSchema schema = ConsoleListParser.Parse(dump);
                if (schema.Entries.Count == 0)
                {
                    return CliFailure.Report(console, ExitCode.ConnectionFailure, $"{request.Address} answered 'cvarlist' with no rows; nothing was written.");
                }

                List<ConsoleEntry> entries = [.. schema.Entries];
                if (withHelp && !raw)
                {
                    entries = await AddHelpAsync(console, client, entries, cancellationToken).ConfigureAwait(false);
                }

                string text = raw ? dump : SchemaJsonWriter.Write($"captured from {request.Address} on {DateTime.UtcNow:yyyy-MM-dd}", entries, complete: true);
                output.Directory?.Create();
                await File.WriteAllTextAsync(output.FullName, text, cancellationToken).ConfigureAwait(false);
                int commands = entries.Count(e => e.IsCommand);
                if (json)
                {
                    console.Out.WriteLine(JsonSerializer.Serialize(new CaptureSummary(output.FullName, raw ? "cvarlist" : "rcon.json", entries.Count, entries.Count - commands, commands), CliJson.Default.CaptureSummary));
                }
                else
                {
                    console.Out.WriteLine($"Wrote {output.FullName}: {entries.Count - commands} cvars and {commands} commands{(raw ? " (raw cvarlist)" : string.Empty)}.");
                }

                return ExitCode.Success;
            }
            catch (Exception e) when (CliFailure.IsExpected(e))
            {
                return CliFailure.Report(console, e);
            }
        }
    }

    private static async Task<List<ConsoleEntry>> AddHelpAsync(CliConsole console, RconClient client, List<ConsoleEntry> entries, CancellationToken cancellationToken)
    {
        var cvars = entries.Where(e => !e.IsCommand).ToList();
        var refined = new Dictionary<string, ConsoleEntry>(StringComparer.Ordinal);

        async Task AskAllAsync(Action<int> advanced)
        {
            foreach (ConsoleEntry cvar in cvars)
            {
                string answer = await client.ExecuteAsync("help " + cvar.Name, cancellationToken).ConfigureAwait(false);
                refined[cvar.Name] = Refine(cvar, answer);
                advanced(refined.Count);
            }
        }

        // A progress bar with rate and time left on a terminal (Spectre.Console honours NO_COLOR); nothing when redirected.
        if (ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    ProgressTask task = context.AddTask("help", maxValue: cvars.Count);
                    await AskAllAsync(done =>
                    {
                        task.Value = done;
                        task.Description = $"help {done}/{cvars.Count} ({done / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0}/s)";
                    }).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }
        else
        {
            await AskAllAsync(_ => { }).ConfigureAwait(false);
        }

        return entries.Select(e => refined.TryGetValue(e.Name, out ConsoleEntry? better) ? better : e).ToList();
    }

    /// <summary>What <c>help NAME</c> adds: the default (shown only when it differs from the value), bounds, and a real value to type it by.</summary>
    internal static ConsoleEntry Refine(ConsoleEntry cvar, string helpAnswer)
    {
        if (!RconValueFormat.TryParseValueReply(cvar.Name, helpAnswer, out string value, out string? shownDefault))
        {
            return cvar;
        }

        ConsoleValueType type = cvar.Type != ConsoleValueType.Unknown ? cvar.Type : ConsoleListParser.InferFromSourceTwo(value);
        return cvar with
        {
            Type = type == ConsoleValueType.Bool ? ConsoleValueType.Unknown : type,
            Default = shownDefault ?? value,
            Min = Bound(helpAnswer, "min") ?? cvar.Min,
            Max = Bound(helpAnswer, "max") ?? cvar.Max,
        };
    }

    private static double? Bound(string answer, string which)
    {
        Match match = (which == "min" ? MinBound() : MaxBound()).Match(answer);
        return match.Success && double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;
    }

    [GeneratedRegex(@" min\. (-?[0-9.eE+-]+)")]
    private static partial Regex MinBound();

    [GeneratedRegex(@" max\. (-?[0-9.eE+-]+)")]
    private static partial Regex MaxBound();
}
