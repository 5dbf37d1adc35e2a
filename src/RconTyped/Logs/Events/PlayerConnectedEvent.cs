namespace RconTyped.Logs;

/// <summary><c>"A" connected, address "1.2.3.4:27005"</c>.</summary>
public sealed class PlayerConnectedEvent : LogEvent
{
    internal PlayerConnectedEvent(LogLineHead head, LogPlayer player, string address)
        : base(head)
    {
        Player = player;
        Address = address;
    }

    /// <summary>Who connected.</summary>
    public LogPlayer Player { get; }

    /// <summary>The address as printed (empty or <c>(unknown)</c> for bots).</summary>
    public string Address { get; }
}
