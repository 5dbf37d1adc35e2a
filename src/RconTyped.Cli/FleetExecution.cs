using System.Text.Json;

namespace RconTyped.Cli;

/// <summary>
/// <c>rcon-typed @group --execute CMD</c> or <c>rcon-typed HOST1,HOST2 --execute CMD</c>: one command on many servers,
/// each answer under its server's name; the exit code is 0 when all answered, else the first failure's.
/// </summary>
internal static class FleetExecution
{
    /// <summary>
    /// The members when <paramref name="address"/> names several servers (a comma list, or a group of the config), with
    /// the config when one was read; null when it names one server.
    /// </summary>
    public static (IReadOnlyList<string> Members, NamedServers? Config)? Members(CliConsole console, string address, string? configPath)
    {
        if (address.Contains(',', StringComparison.Ordinal))
        {
            return ([.. address.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], null);
        }

        if (!address.StartsWith('@'))
        {
            return null;
        }

        string path = configPath ?? NamedServers.DefaultPath(console.GetEnvironmentVariable);
        if (!File.Exists(path))
        {
            return null;
        }

        NamedServers config = NamedServers.Load(path);
        return config.Groups.TryGetValue(address[1..], out string[]? members) ? ([.. members.Select(m => m.StartsWith('@') ? m : "@" + m)], config) : null;
    }

    public static async Task<int> RunAsync(CliConsole console, ConnectionRequest request, IReadOnlyList<string> members, NamedServers? config, string command, bool json, CancellationToken cancellationToken)
    {
        var servers = new List<RconFleetServer>();
        foreach (string member in members)
        {
            // The config is read once for the whole group, not again for each member.
            (RconFleetServer? server, int exitCode) = CliConnector.Prepare(console, request with { Address = member }, config);
            if (server is null)
            {
                return exitCode;
            }

            servers.Add(server);
        }

        await using var fleet = new RconFleet(servers);
        IReadOnlyList<RconFleetResult> results = await fleet.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        int firstFailure = ExitCode.Success;
        bool isStatus = RconTelemetry.CommandName(command) is "status" or "list" or "listplayers" or "showplayers";
        for (int i = 0; i < results.Count; i++)
        {
            RconFleetResult result = results[i];
            if (result.Error is not null)
            {
                int code = CliFailure.Report(console, result.Error);
                firstFailure = firstFailure == ExitCode.Success ? code : firstFailure;
            }

            if (json)
            {
                // One JSON object per server and line (JSON Lines), in the group's order.
                ServerStatus? status = isStatus && result.Response is { } text && ServerStatus.Parse(text) is { Format: not ServerStatusFormat.Unknown } parsed ? parsed : null;
                var row = new FleetRow(members[i], result.Response, result.Error is null ? null : CliFailure.Describe(result.Error), result.IsTruncated, status is null ? null : FleetStatus.From(status));
                console.Out.WriteLine(JsonSerializer.Serialize(row, CliJsonCamelCase.Default.FleetRow));
            }
            else if (result.Response is not null)
            {
                console.Out.WriteLine($"== {members[i]} ==");
                await CliConnector.PrintAnswerAsync(console, result.Response, cancellationToken).ConfigureAwait(false);
            }
        }

        return firstFailure;
    }
}
