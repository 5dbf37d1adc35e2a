namespace RconTyped.Logs;

/// <summary><c>server_message: "quit"</c>, and the server's own notices: <c>server cvars start</c>, <c>Starting Freeze period</c>, <c>Tournament mode started</c>, <c>Your server needs to be restarted in order to receive the latest update.</c> ….</summary>
public sealed class ServerMessageEvent : LogEvent
{
    internal ServerMessageEvent(LogLineHead head, string message)
        : base(head)
    {
        Message = message;
    }

    /// <summary>The text.</summary>
    public string Message { get; }
}
