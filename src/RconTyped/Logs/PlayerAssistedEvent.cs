namespace RconTyped;

/// <summary>A kill assist: CS:GO's <c>assisted killing "B"</c> or TF2's <c>triggered "kill assist" against "B"</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Assister">Who assisted.</param>
/// <param name="Victim">Who died.</param>
public sealed record PlayerAssistedEvent(DateTime? Timestamp, string Raw, LogPlayer Assister, LogPlayer? Victim) : LogEvent(Timestamp, Raw);
