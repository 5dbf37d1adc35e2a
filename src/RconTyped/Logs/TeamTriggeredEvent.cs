namespace RconTyped;

/// <summary><c>Team "CT" triggered "SFUI_Notice_CTs_Win" (CT "3") (T "1")</c>, or TF2's <c>Team "Blue" triggered "pointcaptured" (cp "2") …</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Team">The team.</param>
/// <param name="Action">The action, as printed.</param>
public sealed record TeamTriggeredEvent(DateTime? Timestamp, string Raw, string Team, string Action) : LogEvent(Timestamp, Raw)
{
    /// <summary>CS:GO's <c>(CT "n")</c>, when printed.</summary>
    public int? CTScore { get; init; }

    /// <summary>CS:GO's <c>(T "n")</c>, when printed.</summary>
    public int? TScore { get; init; }
}
