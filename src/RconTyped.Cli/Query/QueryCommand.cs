using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using RconTyped.Query;

namespace RconTyped.Cli;

/// <summary>
/// <c>rcon-typed query HOST[:PORT] [--players] [--rules] [--json]</c>: the Steam server queries (A2S), no password.
/// <c>query @group</c> (or a comma list) asks every member at once through one socket and prints each as it answers.
/// </summary>
internal static class QueryCommand
{
    public static Command Create(CliConsole console)
    {
        var address = new Argument<string>("address") { Description = "HOST[:PORT] (the query port; 27015 when left out), @name, @group, or a comma list." };
        var players = new Option<bool>("--players") { Description = "Also ask for the players (A2S_PLAYER)." };
        var rules = new Option<bool>("--rules") { Description = "Also ask for the rules (A2S_RULES)." };
        var json = new Option<bool>("--json") { Description = "One JSON object per server and line." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds each attempt waits for its answer.", DefaultValueFactory = _ => 3 };
        var config = new Option<string?>("--config") { Description = $"The named-servers file for @NAME addresses (default: {NamedServers.ConfigVariable}, else servers.json in the platform's config folder)." };
        var command = new Command("query", "Ask game servers for their info, players and rules over UDP (Steam server queries, A2S); no password.") { address, players, rules, json, timeout, config };
        command.SetAction((result, token) => RunAsync(
            console, result.GetValue(address)!, result.GetValue(players), result.GetValue(rules), result.GetValue(json), result.GetValue(timeout), result.GetValue(config), token));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string address, bool players, bool rules, bool json, double timeoutSeconds, string? configPath, CancellationToken cancellationToken)
    {
        if (!(timeoutSeconds > 0))
        {
            return CliFailure.Report(console, ExitCode.Usage, "--timeout must be a positive number of seconds.");
        }

        List<(string Name, IPEndPoint EndPoint)> targets;
        try
        {
            targets = await ResolveAsync(console, address, configPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FormatException or System.Net.Sockets.SocketException)
        {
            return CliFailure.Report(console, ExitCode.Usage, e.Message);
        }

        await using var a2s = new A2SClient(new A2SClientOptions { Timeout = TimeSpan.FromSeconds(timeoutSeconds) });
        int exitCode = ExitCode.Success;
        var byEndPoint = targets.GroupBy(t => t.EndPoint).ToDictionary(g => g.Key, g => g.First().Name);

        // Every server at once through the client's one socket; each printed as soon as its answers are in.
        List<Task<ServerReport>> reports = [.. byEndPoint.Keys.Select(endPoint => QueryServerAsync(a2s, endPoint, players, rules, cancellationToken))];
        await foreach (Task<ServerReport> done in Task.WhenEach(reports).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ServerReport report = await done.ConfigureAwait(false);
            string name = byEndPoint[report.EndPoint];
            if (report.Error is { } error)
            {
                exitCode = exitCode == ExitCode.Success ? (error is A2STimeoutException ? ExitCode.Timeout : ExitCode.ConnectionFailure) : exitCode;
                if (!json)
                {
                    CliFailure.Report(console, exitCode, error.Message);
                }
            }

            if (json)
            {
                console.Out.WriteLine(ToJson(name, report.EndPoint, report.Info, report.Players, report.Rules, report.Error));
            }
            else if (report.Info is not null && console.IsOutputTerminal)
            {
                QueryTables.Write(console, name, report.Info, report.Players, report.Rules);
            }
            else if (report.Info is not null)
            {
                Print(console, name, report.Info, report.Players, report.Rules, targets.Count > 1);
            }
        }

        return exitCode;
    }

    /// <summary>One server: INFO, then its players and rules at once when asked for; the first failure is kept with what did arrive.</summary>
    private static async Task<ServerReport> QueryServerAsync(A2SClient a2s, IPEndPoint endPoint, bool players, bool rules, CancellationToken cancellationToken)
    {
        ServerInfo info;
        try
        {
            info = await a2s.QueryInfoAsync(endPoint, cancellationToken).ConfigureAwait(false);
        }
        catch (A2SException e)
        {
            return new ServerReport(endPoint, null, null, null, e);
        }

        Task<IReadOnlyList<QueryPlayer>>? playerQuery = players ? a2s.QueryPlayersAsync(endPoint, cancellationToken) : null;
        Task<ServerRules>? ruleQuery = rules ? a2s.QueryRulesAsync(endPoint, cancellationToken) : null;
        (IReadOnlyList<QueryPlayer>? playerList, A2SException? playerError) = await OutcomeAsync(playerQuery).ConfigureAwait(false);
        (ServerRules? ruleList, A2SException? ruleError) = await OutcomeAsync(ruleQuery).ConfigureAwait(false);
        return new ServerReport(endPoint, info, playerList, ruleList, playerError ?? ruleError);
    }

    private static async Task<(T? Value, A2SException? Error)> OutcomeAsync<T>(Task<T>? query)
        where T : class
    {
        try
        {
            return (query is null ? null : await query.ConfigureAwait(false), null);
        }
        catch (A2SException e)
        {
            return (null, e);
        }
    }

    private static async Task<List<(string Name, IPEndPoint EndPoint)>> ResolveAsync(CliConsole console, string address, string? configPath, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> members = [address];
        NamedServers? config = null;
        if (FleetExecution.Members(console, address, configPath) is { } group)
        {
            (members, config) = group;
        }

        var targets = new List<(string, IPEndPoint)>(members.Count);
        foreach (string member in members)
        {
            string text = member;
            if (member.StartsWith('@'))
            {
                config ??= NamedServers.Load(configPath ?? NamedServers.DefaultPath(console.GetEnvironmentVariable));
                text = config.Find(member[1..]).Address;
            }

            targets.Add((member, await A2SAddress.ResolveAsync(text, port: null, cancellationToken).ConfigureAwait(false)));
        }

        return targets;
    }

    /// <summary>Plain lines, for a pipe or a file: one summary line, then a player or a rule a line.</summary>
    private static void Print(CliConsole console, string name, ServerInfo info, IReadOnlyList<QueryPlayer>? players, ServerRules? rules, bool several)
    {
        TextWriter output = console.Out;
        if (several)
        {
            output.WriteLine($"== {name} ==");
        }

        output.WriteLine($"{info.Name}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  map {info.Map}, players {info.Players}/{info.MaxPlayers} ({info.Bots} bots), {info.Game} ({info.Folder}), {info.ServerType}, {info.Environment}{(info.HasPassword ? ", password" : "")}{(info.IsVacSecured ? ", VAC" : "")}"));
        if (info.Version is not null || info.Keywords is not null)
        {
            output.WriteLine($"  version {info.Version ?? "-"}{(info.Keywords is null ? "" : $", tags {info.Keywords}")}");
        }

        if (players is not null)
        {
            output.WriteLine($"  {players.Count} players:");
            int width = players.Count == 0 ? 4 : Math.Max(4, players.Max(p => p.Name.Length));
            foreach (QueryPlayer player in players)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {player.Name.PadRight(width)}  {player.Score,6}  {player.Duration:hh\\:mm\\:ss}"));
            }
        }

        if (rules is not null)
        {
            output.WriteLine($"  {rules.Count} rules{(rules.IsTruncated ? " (truncated)" : "")}:");
            foreach ((string key, string value) in rules.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"    {key} = {value}");
            }
        }
    }

    /// <summary>One line of JSON, written by hand so the native tool needs no serializer metadata for these types.</summary>
    private static string ToJson(string name, IPEndPoint endPoint, ServerInfo? info, IReadOnlyList<QueryPlayer>? players, ServerRules? rules, A2SException? error)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("server", name);
            writer.WriteString("endPoint", endPoint.ToString());
            if (info is not null)
            {
                writer.WriteStartObject("info");
                writer.WriteString("engine", info.Engine.ToString());
                writer.WriteString("name", info.Name);
                writer.WriteString("map", info.Map);
                writer.WriteString("folder", info.Folder);
                writer.WriteString("game", info.Game);
                if (info.AppId is { } appId)
                {
                    writer.WriteNumber("appId", appId);
                }

                writer.WriteNumber("players", info.Players);
                writer.WriteNumber("maxPlayers", info.MaxPlayers);
                writer.WriteNumber("bots", info.Bots);
                writer.WriteString("serverType", info.ServerType.ToString());
                writer.WriteString("environment", info.Environment.ToString());
                writer.WriteBoolean("hasPassword", info.HasPassword);
                writer.WriteBoolean("vac", info.IsVacSecured);
                WriteIfSet(writer, "version", info.Version);
                WriteIfSet(writer, "keywords", info.Keywords);
                if (info.GamePort is { } port)
                {
                    writer.WriteNumber("gamePort", port);
                }

                if (info.SteamId is { } steamId)
                {
                    writer.WriteString("steamId", steamId.ToString(CultureInfo.InvariantCulture));
                }

                if (info.GameId is { } gameId)
                {
                    writer.WriteString("gameId", gameId.ToString(CultureInfo.InvariantCulture));
                }

                writer.WriteEndObject();
            }

            if (players is not null)
            {
                writer.WriteStartArray("players");
                foreach (QueryPlayer player in players)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", player.Name);
                    writer.WriteNumber("score", player.Score);
                    writer.WriteNumber("seconds", Math.Round(player.Duration.TotalSeconds, 3));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if (rules is not null)
            {
                writer.WriteStartObject("rules");
                foreach ((string key, string value) in rules.OrderBy(r => r.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            WriteIfSet(writer, "error", error?.Message);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string property, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(property, value);
        }
    }
}
