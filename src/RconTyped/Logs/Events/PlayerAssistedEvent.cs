namespace RconTyped.Logs;

/// <summary>A kill assist: <c>assisted killing "B"</c>, <c>flash-assisted killing "B"</c> (CS:GO and CS2), or TF2's <c>triggered "kill assist" against "B"</c>.</summary>
public sealed class PlayerAssistedEvent : LogEvent
{
    internal PlayerAssistedEvent(LogLineHead head, LogPlayer assister, LogPlayer? victim)
        : base(head)
    {
        Assister = assister;
        Victim = victim;
    }

    /// <summary>Who assisted.</summary>
    public LogPlayer Assister { get; }

    /// <summary>Who died.</summary>
    public LogPlayer? Victim { get; }

    /// <summary>True for <c>flash-assisted killing</c>: the assister blinded the victim.</summary>
    public bool IsFlashAssist { get; internal init; }
}
