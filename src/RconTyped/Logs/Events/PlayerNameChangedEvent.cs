namespace RconTyped.Logs;

/// <summary><c>"A" changed name to "B"</c>.</summary>
public sealed class PlayerNameChangedEvent : LogEvent
{
    internal PlayerNameChangedEvent(LogLineHead head, LogPlayer player, string newName)
        : base(head)
    {
        Player = player;
        NewName = newName;
    }

    /// <summary>The player, under the old name.</summary>
    public LogPlayer Player { get; }

    /// <summary>The new name.</summary>
    public string NewName { get; }
}
