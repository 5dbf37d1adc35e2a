using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;

namespace RconTyped;

/// <summary>
/// The <c>ActivitySource</c> and <c>Meter</c> named <c>RconTyped</c>, and their instruments. The names are fixed: tools outside
/// the repository read them (docs/observability.md lists each). A span and the metrics carry a command's first word only,
/// never its arguments, which can hold passwords.
/// </summary>
internal static class RconTelemetry
{
    public const string Name = "RconTyped";

    private static readonly string? Version = typeof(RconTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    public static readonly Histogram<double> CommandDuration = Meter.CreateHistogram<double>(
        "rcon.client.command.duration", "s", "How long commands took, from the call to the whole answer (or the failure).");

    public static readonly UpDownCounter<long> ActiveCommands = Meter.CreateUpDownCounter<long>(
        "rcon.client.command.active", "{command}", "Commands waiting for their answers.");

    public static readonly Counter<long> BytesSent = Meter.CreateCounter<long>(
        "rcon.client.bytes.sent", "By", "Bytes of command packets sent, headers included.");

    public static readonly Counter<long> BytesReceived = Meter.CreateCounter<long>(
        "rcon.client.bytes.received", "By", "Bytes of answer bodies received.");

    public static readonly Counter<long> Reconnects = Meter.CreateCounter<long>(
        "rcon.client.reconnects", "{reconnect}", "Reconnections that succeeded (with RconClientOptions.Reconnect).");

    public static readonly Counter<long> Timeouts = Meter.CreateCounter<long>(
        "rcon.client.timeouts", "{timeout}", "Commands that got no whole answer within the command timeout.");

    public static readonly UpDownCounter<long> Connections = Meter.CreateUpDownCounter<long>(
        "rcon.client.connection.count", "{connection}", "Open connections.");

    public static readonly Histogram<double> QueryDuration = Meter.CreateHistogram<double>(
        "rcon.query.duration", "s", "How long server queries (A2S) took, from the first send to the answer (or the failure), retries included.");

    public static readonly Counter<long> QueryTimeouts = Meter.CreateCounter<long>(
        "rcon.query.timeouts", "{query}", "Server queries (A2S) that got no usable answer on any attempt.");

    /// <summary>Whether anything listens to the per-query telemetry.</summary>
    public static bool QueriesObserved => Source.HasListeners() || QueryDuration.Enabled || QueryTimeouts.Enabled;

    /// <summary>
    /// Whether anything listens to the per-command telemetry. When nothing does, a command takes the path it took before
    /// telemetry existed: these are a handful of field reads.
    /// </summary>
    public static bool CommandsObserved =>
        Source.HasListeners() || CommandDuration.Enabled || ActiveCommands.Enabled || BytesSent.Enabled || BytesReceived.Enabled || Timeouts.Enabled;

    /// <summary>The command's first word, in lower case (console commands are case-insensitive); never its arguments.</summary>
    public static string CommandName(string command)
    {
        ReadOnlySpan<char> text = command.AsSpan().TrimStart();
        int end = text.IndexOfAny(' ', '\t', ';');
        ReadOnlySpan<char> word = end < 0 ? text : text[..end];
        return word.IsEmpty ? "(empty)" : word.ToString().ToLowerInvariant();
    }

    /// <summary><c>server.address</c> and <c>server.port</c> of an endpoint, as OpenTelemetry's conventions name them.</summary>
    public static KeyValuePair<string, object?>[] ServerTags(EndPoint endPoint) => endPoint switch
    {
        IPEndPoint ip => [new("server.address", ip.Address.ToString()), new("server.port", ip.Port)],
        DnsEndPoint dns => [new("server.address", dns.Host), new("server.port", dns.Port)],
        _ => [new("server.address", endPoint.ToString())],
    };

    /// <summary>The outcome tag of a failed command.</summary>
    public static string Outcome(Exception failure) => failure switch
    {
        RconTimeoutException => "timeout",
        OperationCanceledException => "cancelled",
        RconAuthenticationException => "authentication_failed",
        RconProtocolException => "protocol_error",
        RconConnectionException => "connection_lost",
        _ => "error",
    };
}
