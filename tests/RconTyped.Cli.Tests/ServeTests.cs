using System.Text.RegularExpressions;

namespace RconTyped.Cli.Tests;

public class ServeTests
{
    [Fact]
    public async Task Serve_prints_its_address_answers_until_cancelled_and_loads_a_schema()
    {
        string schema = Path.Combine(AppContext.BaseDirectory, "schemas", "source-common.rcon.json");
        var output = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var console = new CliConsole
        {
            In = new StringReader(string.Empty),
            Out = TextWriter.Synchronized(output),
            Error = new StringWriter(),
            IsInputRedirected = true,
            ReadSecret = _ => null,
            GetEnvironmentVariable = name => name == CliApplication.PasswordVariable ? "serve-secret" : null,
        };

        Task<int> serving = CliApplication.RunAsync(["serve", "--port", "0", "--schema", schema], console, stop.Token);
        Match listening = await WaitForAsync(output, new Regex("listening on 127\\.0\\.0\\.1:(\\d+) \\((\\d+) entries; password from RCON_PASSWORD\\)"));
        int port = int.Parse(listening.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{port}"], environmentPassword: "serve-secret", input: "maxplayers 70\nmaxplayers\necho built-in still works\n");
        stop.Cancel();

        Assert.Equal(0, await serving.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("61", listening.Groups[2].Value);
        Assert.StartsWith("\"maxplayers\" = \"64\"", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("built-in still works\n", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("serve-secret", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_refuses_a_missing_file_and_both_sources_at_once()
    {
        CliRun missing = await CliRun.RunAsync(["serve", "--cvarlist", "/nonexistent/file.txt", "--port", "0"]);
        CliRun both = await CliRun.RunAsync(["serve", "--cvarlist", "a", "--schema", "b"]);

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
        Assert.Equal(1, both.ExitCode);
    }

    private static async Task<Match> WaitForAsync(StringWriter output, Regex pattern)
    {
        for (int i = 0; i < 300; i++)
        {
            Match match = pattern.Match(output.ToString());
            if (match.Success)
            {
                return match;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server did not start: {output}");
    }
}
