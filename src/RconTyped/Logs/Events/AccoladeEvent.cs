namespace RconTyped.Logs;

/// <summary>CS:GO and CS2's end-of-match awards: <c>ACCOLADE, FINAL: {3k},\tName&lt;8&gt;,\tVALUE: 1.000000,\tPOS: 2,\tSCORE: 20.000002</c>.</summary>
public sealed class AccoladeEvent : LogEvent
{
    internal AccoladeEvent(LogLineHead head, string accolade, string playerName)
        : base(head)
    {
        Accolade = accolade;
        PlayerName = playerName;
    }

    /// <summary>The award as printed inside the braces: <c>3k</c>, <c>mvps</c>, <c>hsp</c>, <c>burndamage</c>, <c>uniqueweaponkills</c> ….</summary>
    public string Accolade { get; }

    /// <summary>The player's name (the line prints no Steam id).</summary>
    public string PlayerName { get; }

    /// <summary>The player's user id, when printed.</summary>
    public int? UserId { get; internal init; }

    /// <summary>What the player scored in the award's own unit (kills, percent, damage …).</summary>
    public double? Value { get; internal init; }

    /// <summary>The player's place for it (1 is first).</summary>
    public int? Position { get; internal init; }

    /// <summary>The award's weight.</summary>
    public double? Score { get; internal init; }

    /// <summary>True for <c>ACCOLADE, FINAL:</c>, the end-of-match list.</summary>
    public bool IsFinal { get; internal init; }
}
