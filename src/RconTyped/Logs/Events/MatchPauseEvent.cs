namespace RconTyped.Logs;

/// <summary>CS:GO and CS2: <c>Match pause is enabled - mp_pause_match</c> and <c>Match pause is disabled - TimeOutCTs</c>.</summary>
public sealed class MatchPauseEvent : LogEvent
{
    internal MatchPauseEvent(LogLineHead head, bool isPaused, string reason)
        : base(head)
    {
        IsPaused = isPaused;
        Reason = reason;
    }

    /// <summary>True when the pause starts.</summary>
    public bool IsPaused { get; }

    /// <summary>Why, as printed: <c>mp_pause_match</c>, <c>TimeOutCTs</c>, <c>TimeOutTs</c>, <c>mp_halftime_pausematch</c> ….</summary>
    public string Reason { get; }
}
