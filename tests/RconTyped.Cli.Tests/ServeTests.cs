using System.Text.RegularExpressions;

namespace RconTyped.Cli.Tests;

public class ServeTests
{
    [Fact]
    public async Task Serve_prints_its_address_answers_until_cancelled_and_loads_a_schema()
    {
        string schema = Path.Combine(AppContext.BaseDirectory, "schemas", "source-common.rcon.json");
        await using var serve = new ServingCli(["serve", "--port", "0", "--schema", schema], "serve-secret");
        Match listening = await serve.WaitForAsync(new Regex("listening on 127\\.0\\.0\\.1:(\\d+) \\((\\d+) entries; password from RCON_PASSWORD\\)"));
        int port = int.Parse(listening.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{port}"], environmentPassword: "serve-secret", input: "maxplayers 70\nmaxplayers\necho built-in still works\n");

        Assert.Equal(0, await serve.StopAsync());
        Assert.Equal("61", listening.Groups[2].Value);
        Assert.StartsWith("\"maxplayers\" = \"64\"", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("built-in still works\n", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("serve-secret", serve.Output, StringComparison.Ordinal);
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
}
