using System.Text.Json;
using RconTyped.Testing;

namespace RconTyped.Cli.Tests;

public class NamedServerTests
{
    [Fact]
    public async Task A_named_server_takes_its_address_dialect_and_password_variable_from_the_config()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Cs2, Password = "prod-pw" });
        string config = Config($$"""
            {
              // comments are fine
              "servers": { "prod": { "address": "127.0.0.1:{{server.Port}}", "dialect": "cs2", "passwordVariable": "PROD_RCON" } },
            }
            """);

        CliRun run = await CliRun.RunAsync(["@prod", "--execute", "echo named", "--config", config], environment: new Dictionary<string, string> { ["PROD_RCON"] = "prod-pw" });

        Assert.Equal((0, "named\n", string.Empty), (run.ExitCode, run.Out, run.Error));
    }

    [Fact]
    public async Task An_unknown_dialect_in_the_config_is_a_usage_error_that_lists_the_known_ones()
    {
        await using var server = EmulatedServer.Start();
        string config = Config($$"""{ "servers": { "odd": { "address": "127.0.0.1:{{server.Port}}", "dialect": "quake", "passwordVariable": "ODD_RCON" } } }""");

        CliRun run = await CliRun.RunAsync(["@odd", "--execute", "echo hi", "--config", config], environment: new Dictionary<string, string> { ["ODD_RCON"] = server.Password });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("unknown dialect 'quake'", run.Error, StringComparison.Ordinal);
        Assert.Contains(string.Join(", ", RconDialect.Known.Select(d => d.Id)), run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_variable_that_is_not_set_is_a_usage_error_naming_the_server_and_the_variable()
    {
        await using var server = EmulatedServer.Start();
        string config = Config($$"""{ "servers": { "eu1": { "address": "127.0.0.1:{{server.Port}}", "passwordVariable": "EU1_RCON_UNSET" } } }""");

        CliRun run = await CliRun.RunAsync(["@eu1", "--execute", "echo hi", "--config", config]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("@eu1: PasswordVariable: the environment variable EU1_RCON_UNSET is not set.", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, server.ConnectionCount);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes; on Windows the profile's ACLs apply instead.
    public async Task A_password_in_the_file_is_refused_unless_only_the_owner_can_read_it()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Password = "file-pw" });
        string config = Config($$"""{ "servers": { "local": { "address": "127.0.0.1:{{server.Port}}", "password": "file-pw" } } }""");

        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        CliRun open = await CliRun.RunAsync(["@local", "-e", "echo hi", "--config", config]);
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        CliRun closed = await CliRun.RunAsync(["@local", "-e", "echo hi", "--config", config]);

        Assert.Equal(1, open.ExitCode);
        Assert.Contains("chmod 600", open.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("file-pw", open.Error, StringComparison.Ordinal);
        Assert.Equal((0, "hi\n", string.Empty), (closed.ExitCode, closed.Out, closed.Error));
    }

    [Fact]
    public async Task Unknown_names_missing_files_and_unset_variables_are_usage_errors_that_say_what_to_do()
    {
        string config = Config("""{ "servers": { "prod": { "address": "127.0.0.1:1", "passwordVariable": "UNSET_VARIABLE" } } }""");

        CliRun unknown = await CliRun.RunAsync(["@staging", "-e", "status", "--config", config]);
        CliRun missing = await CliRun.RunAsync(["@prod", "-e", "status", "--config", config + ".nope"]);
        CliRun unset = await CliRun.RunAsync(["@prod", "-e", "status", "--config", config]);
        CliRun broken = await CliRun.RunAsync(["@prod", "-e", "status", "--config", Config("{ \"servers\": ")]);

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no server named '@staging'", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("@prod", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no named-servers config", missing.Error, StringComparison.Ordinal);
        Assert.Equal(1, unset.ExitCode);
        Assert.Contains("UNSET_VARIABLE", unset.Error, StringComparison.Ordinal);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("not valid JSON", broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_runs_the_command_on_each_member_and_reports_each_failure()
    {
        await using var first = EmulatedServer.Start(new EmulatedServerOptions { Password = "one" });
        await using var second = EmulatedServer.Start(new EmulatedServerOptions { Password = "two" });
        string config = Config($$"""
            {
              "servers": {
                "a": { "address": "127.0.0.1:{{first.Port}}", "passwordVariable": "A_PW" },
                "b": { "address": "127.0.0.1:{{second.Port}}", "passwordVariable": "B_PW" },
                "down": { "address": "127.0.0.1:1", "passwordVariable": "A_PW" }
              },
              "groups": { "all": ["a", "b"], "some-down": ["a", "down", "b"] }
            }
            """);
        var environment = new Dictionary<string, string> { ["A_PW"] = "one", ["B_PW"] = "two" };

        CliRun all = await CliRun.RunAsync(["@all", "-e", "echo hi", "--config", config], environment: environment);
        CliRun someDown = await CliRun.RunAsync(["@some-down", "-e", "echo hi", "--config", config, "--json"], environment: environment);

        Assert.Equal((0, "== @a ==\nhi\n== @b ==\nhi\n"), (all.ExitCode, all.Out));
        Assert.Equal(2, someDown.ExitCode);
        JsonElement[] rows = [.. someDown.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];
        Assert.Equal(["hi\n", null, "hi\n"], rows.Select(r => r.TryGetProperty("response", out JsonElement response) ? response.GetString() : null));
        Assert.Equal(["@a", "@down", "@b"], rows.Select(r => r.GetProperty("server").GetString()));
        CliRun status = await CliRun.RunAsync(["@all", "-e", "status", "--config", config, "--json"], environment: environment);
        JsonElement[] statuses = [.. status.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];
        Assert.Equal(2, statuses.Length);
        Assert.All(statuses, s => Assert.Equal(3, s.GetProperty("status").GetProperty("players").GetArrayLength()));
        Assert.Contains("connection refused", someDown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comma_separated_list_of_addresses_is_a_fleet_too()
    {
        await using var first = EmulatedServer.Start(new EmulatedServerOptions { Password = "same" });
        await using var second = EmulatedServer.Start(new EmulatedServerOptions { Password = "same" });

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{first.Port},127.0.0.1:{second.Port}", "-e", "echo both"], environmentPassword: "same");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"== 127.0.0.1:{first.Port} ==\nboth\n== 127.0.0.1:{second.Port} ==\nboth\n", run.Out);
    }

    [Fact]
    public async Task Execute_can_answer_in_json()
    {
        await using var server = EmulatedServer.Start();

        CliRun run = await CliRun.RunAsync([$"127.0.0.1:{server.Port}", "-e", "echo \"json please\"", "--json"], environmentPassword: server.Password);

        using JsonDocument document = JsonDocument.Parse(run.Out);
        Assert.Equal("json please\n", document.RootElement.GetProperty("response").GetString());
        Assert.Equal("echo \"json please\"", document.RootElement.GetProperty("command").GetString());
    }

    private static string Config(string json)
    {
        string directory = Path.Combine(Path.GetTempPath(), "rcon-typed-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "servers.json");
        File.WriteAllText(path, json);
        return path;
    }
}
