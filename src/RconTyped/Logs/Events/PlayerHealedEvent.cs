namespace RconTyped.Logs;

/// <summary>TF2 healing: <c>"A" triggered "healed" against "B" (healing "45")</c>.</summary>
public sealed class PlayerHealedEvent : LogEvent
{
    internal PlayerHealedEvent(LogLineHead head, LogPlayer healer, LogPlayer? patient, int? amount)
        : base(head)
    {
        Healer = healer;
        Patient = patient;
        Amount = amount;
    }

    /// <summary>Who healed.</summary>
    public LogPlayer Healer { get; }

    /// <summary>Who was healed.</summary>
    public LogPlayer? Patient { get; }

    /// <summary>How much.</summary>
    public int? Amount { get; }
}
