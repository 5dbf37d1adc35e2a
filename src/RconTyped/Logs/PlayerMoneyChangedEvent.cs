namespace RconTyped;

/// <summary>CS:GO: <c>"A" money change 800-200 = $600 (tracked) (purchase: weapon_x)</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Whose money changed.</param>
/// <param name="Before">The amount before.</param>
/// <param name="Change">The change (negative for a purchase).</param>
/// <param name="After">The amount after.</param>
public sealed record PlayerMoneyChangedEvent(DateTime? Timestamp, string Raw, LogPlayer Player, int? Before, int? Change, int? After) : LogEvent(Timestamp, Raw);
