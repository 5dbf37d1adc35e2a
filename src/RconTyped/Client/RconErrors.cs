using System.Net.Sockets;

namespace RconTyped;

/// <summary>
/// Every message the client throws or closes with, in one place: each says what went wrong and what to do.
/// None contains a password or a command's arguments (only its first word).
/// </summary>
internal static class RconErrors
{
    public static RconConnectionException ConnectTimedOut(string server, TimeSpan timeout) =>
        new($"Could not connect to {server}: no answer within {Seconds(timeout)} s. Check the address and port, and that a firewall lets TCP through.");

    public static RconConnectionException ConnectFailed(string server, SocketException e) =>
        new($"Could not connect to {server}: {Describe(e)}. Check the address and port, that the server is running, and that RCON is enabled on that port.", e);

    public static RconConnectionException ConnectionFactoryFailed(string server, Exception e) =>
        new($"Could not connect to {server}: RconClientOptions.ConnectionFactory failed ({e.GetType().Name}: {e.Message}).", e);

    public static RconConnectionException ConnectionFactoryReturnedUnusable(string server) =>
        new($"Could not connect to {server}: RconClientOptions.ConnectionFactory returned null or a stream that cannot both read and write.");

    public static RconConnectionException ConnectionClosed(string server, string reason, Exception? inner) =>
        new($"The connection to {server} is closed ({reason}). Create a new RconClient to connect again.", inner);

    public static RconConnectionException ConnectionLost(string server, string reason, Exception? inner = null) =>
        new($"The connection to {server} was lost: {reason}.", inner);

    public static RconConnectionException ClosedByCaller(string server) =>
        new($"The client for {server} was closed while the command waited for its answer.");

    public static RconConnectionException SendFailed(Exception error) =>
        new($"Sending to the server failed: {error.Message}", error);

    public static RconAuthenticationException WrongPassword(string server) => new(
        RconAuthenticationFailure.WrongPassword,
        $"{server} rejected the RCON password (it answered id -1). Check rcon_password on the server. " +
        "RconTyped does not retry: srcds bans an address after sv_rcon_maxfailures failed attempts.");

    public static RconAuthenticationException WrongPasswordOnReconnection(string server) => new(
        RconAuthenticationFailure.WrongPassword,
        $"{server} refused the RCON password when reconnecting (it was accepted before: rcon_password may have changed). The client is closed; authentication is never retried automatically.");

    public static RconAuthenticationException AuthenticationClosed(string server, string reason, Exception? inner) => new(
        RconAuthenticationFailure.ConnectionClosed,
        $"{server} closed the connection during authentication instead of answering ({reason}). The server has probably banned this address " +
        "after repeated failed attempts (srcds: sv_rcon_maxfailures failures ban for sv_rcon_banpenalty minutes, 0 meaning until restart); " +
        "an operator lifts the ban with 'removeip <address>' in the server console. Some games (Squad, Project Zomboid) also close on a wrong password.",
        inner);

    public static RconAuthenticationException Revoked(string server) => new(
        RconAuthenticationFailure.Revoked,
        $"{server} no longer accepts this connection's authentication (rcon_password may have changed). Authenticate again.");

    public static RconTimeoutException CommandTimedOut(string server, string what, int id, TimeSpan timeout, RconDialect dialect, bool connectionDropped, bool sawIdZeroAnswers) => new(
        $"No complete answer to {what} (request {id}) from {server} within {Seconds(timeout)} s. " +
        (connectionDropped
            ? $"The connection was dropped: {dialect.Name} answers carry no request id, so a late answer could not be told apart from the next command's. "
            : "The connection is still usable and a late answer will be discarded. ") +
        (sawIdZeroAnswers
            ? "The server sent answers with id 0, which no command waits for: Palworld does this; use RconDialect.Palworld (CLI: --dialect palworld). "
            : string.Empty) +
        "Some commands (changelevel, for one) are never answered; " +
        "for slow commands raise RconClientOptions.CommandTimeout or pass a CancellationToken.",
        timeout);

    public static RconConnectionException AbandonedWithoutIds(string server, RconDialect dialect) => new(
        $"The connection to {server} was dropped because a command was abandoned before its answer came: {dialect.Name} answers carry no request id, " +
        "so a late answer could not be told apart from the next command's. Set RconClientOptions.Reconnect to reconnect automatically.");

    public static string AbandonedWithoutIdsReason(int id, RconDialect dialect) =>
        $"request {id} was abandoned (timed out or cancelled) and {dialect.Name} answers carry no request id";

    public static RconProtocolException ResponseTooLarge(int id, int limit) => new(
        RconProtocolViolation.ResponseTooLarge,
        $"The answer to request {id} grew past RconClientOptions.MaxResponseBytes ({limit} bytes); the connection was closed. Raise the limit if the server really sends answers this long.");

    public static string RateLimitedReason(RconDialect dialect) =>
        $"the server answered '{dialect.RateLimitAnswer}' and closed the connection: {dialect.Name} does this when rate-limited; wait a few minutes before connecting again, and send fewer commands";

    public static RconConnectionException ReconnectingNotWaiting(string server) =>
        new($"The client is reconnecting to {server}; the command was not sent. Set RconReconnectPolicy.WaitWhileReconnecting to wait instead.");

    public static RconTimeoutException StillReconnecting(string server, TimeSpan timeout, Exception inner) =>
        new($"Still reconnecting to {server} after {Seconds(timeout)} s; the command was not sent.", timeout, inner);

    public static RconTimeoutException StillConnecting(string server, TimeSpan timeout, Exception inner) =>
        new($"Still connecting to {server} after {Seconds(timeout)} s; the command was not sent.", timeout, inner);

    public static RconConnectionException GaveUpReconnecting(string server, int attempts, Exception lastError) =>
        new($"The connection to {server} was lost and {attempts} reconnection attempts failed (last: {lastError.Message}). The client is closed.", lastError);

    public static RconConnectionException ReconnectingFailed(string server, Exception error) =>
        new($"The connection to {server} was lost and reconnecting failed: {error.Message} The client is closed.", error);

    public static ArgumentException NulInBody(bool isPassword, string parameterName) =>
        new($"{Subject(isPassword)} contains a NUL character, which ends an RCON body early. Nothing was sent.", parameterName);

    public static ArgumentException CannotEncode(bool isPassword, string encodingName, string parameterName, Exception e) =>
        new($"{Subject(isPassword)} contains characters that {encodingName} cannot encode. Nothing was sent.", parameterName, isPassword ? null : e);

    public static ArgumentException TooLong(bool isPassword, string body, int byteCount, RconDialect dialect, string parameterName) => new(
        $"{(isPassword ? "The password" : $"The command {CommandName(body)}")} is {byteCount} bytes once encoded; the {dialect.Name} dialect allows at most {dialect.MaxCommandBytes} " +
        $"(packets of {dialect.MaxRequestPacketLength} bytes: Source 2013 servers ban an address that sends larger ones). Nothing was sent.",
        parameterName);

    public static InvalidOperationException AlreadyConnected() =>
        new("The client is already connected. A client connects once; create a new RconClient for a new connection.");

    public static InvalidOperationException NotConnected() => new("Call ConnectAsync before AuthenticateAsync.");

    public static InvalidOperationException AuthenticationRunning() => new("An authentication is already running on this client.");

    public static InvalidOperationException NotConnectedForCommands() => new("Call ConnectAsync and AuthenticateAsync before running commands.");

    public static InvalidOperationException NotAuthenticated() =>
        new("Call AuthenticateAsync before running commands: the server ignores commands from a connection that has not authenticated.");

    /// <summary>The first word of a command, quoted: arguments may be secrets (sv_password, rcon_password).</summary>
    public static string CommandName(string command)
    {
        ReadOnlySpan<char> trimmed = command.AsSpan().TrimStart();
        int end = trimmed.IndexOfAny(' ', '\t', ';');
        return $"'{(end < 0 ? trimmed : trimmed[..end]).ToString()}'";
    }

    private static string Subject(bool isPassword) => isPassword ? "The password" : "The command";

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData => "host not found",
        SocketError.TimedOut => "timed out",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "unreachable",
        _ => e.Message,
    };
}
