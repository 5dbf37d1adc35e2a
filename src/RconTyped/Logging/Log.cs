using Microsoft.Extensions.Logging;

namespace RconTyped.Logging;

/// <summary>The client's log messages. Authentication bodies (passwords) are never among the arguments.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Connected to {EndPoint}")]
    public static partial void Connected(ILogger logger, string endPoint);

    [LoggerMessage(2, LogLevel.Debug, "Authenticated with {EndPoint}; dialect {Dialect}")]
    public static partial void Authenticated(ILogger logger, string endPoint, string dialect);

    [LoggerMessage(3, LogLevel.Trace, "Sent packet id {Id} type {Type}, {Length} bytes: {Body}")]
    public static partial void PacketSent(ILogger logger, int id, RconTyped.Protocol.RconPacketType type, int length, string body);

    [LoggerMessage(4, LogLevel.Trace, "Received packet id {Id} type {Type}, {Length} bytes: {Body}")]
    public static partial void PacketReceived(ILogger logger, int id, RconTyped.Protocol.RconPacketType type, int length, string body);

    [LoggerMessage(5, LogLevel.Debug, "Discarded packet id {Id} type {Type}: no command is waiting for it (a late answer, the mirror's trailer, or an answer to SendAsync)")]
    public static partial void PacketDiscarded(ILogger logger, int id, RconTyped.Protocol.RconPacketType type);

    [LoggerMessage(6, LogLevel.Information, "Connection to {EndPoint} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, string endPoint, string reason);

    [LoggerMessage(7, LogLevel.Debug, "Command id {Id} timed out after {Timeout}; its late answer will be discarded")]
    public static partial void CommandTimedOut(ILogger logger, int id, TimeSpan timeout);

    [LoggerMessage(8, LogLevel.Warning, "Connection to {EndPoint} lost; reconnection attempt {Attempt} in {Delay}")]
    public static partial void Reconnecting(ILogger logger, string endPoint, int attempt, TimeSpan delay);

    [LoggerMessage(9, LogLevel.Information, "Reconnected to {EndPoint} after {Attempts} attempt(s)")]
    public static partial void Reconnected(ILogger logger, string endPoint, int attempts);

    [LoggerMessage(10, LogLevel.Warning, "Answer packet id {Id} declared {Declared} bytes but only {Arrived} arrived within {Wait}; taken as a truncated answer")]
    public static partial void ShortPacketTaken(ILogger logger, int id, int declared, long arrived, TimeSpan wait);

    [LoggerMessage(11, LogLevel.Error, "A handler of the {Event} event threw; the client carries on")]
    public static partial void CallbackFailed(ILogger logger, string @event, Exception exception);

    [LoggerMessage(12, LogLevel.Error, "The read loop for {EndPoint} failed unexpectedly; the connection is closed")]
    public static partial void ReadLoopFailed(ILogger logger, string endPoint, Exception exception);
}
