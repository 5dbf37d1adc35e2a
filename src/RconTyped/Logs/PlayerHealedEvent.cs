namespace RconTyped;

/// <summary>TF2 healing: <c>"A" triggered "healed" against "B" (healing "45")</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Healer">Who healed.</param>
/// <param name="Patient">Who was healed.</param>
/// <param name="Amount">How much.</param>
public sealed record PlayerHealedEvent(DateTime? Timestamp, string Raw, LogPlayer Healer, LogPlayer? Patient, int? Amount) : LogEvent(Timestamp, Raw);
