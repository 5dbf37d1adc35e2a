namespace RconTyped.Logs;

/// <summary>CS:GO and CS2: <c>"A" threw flashbang [x y z] flashbang entindex 298)</c>.</summary>
public sealed class PlayerThrewEvent : LogEvent
{
    internal PlayerThrewEvent(LogLineHead head, LogPlayer player, string item, LogVector? position)
        : base(head)
    {
        Player = player;
        Item = item;
        Position = position;
    }

    /// <summary>Who threw it.</summary>
    public LogPlayer Player { get; }

    /// <summary>What (flashbang, hegrenade, smokegrenade, molotov, decoy).</summary>
    public string Item { get; }

    /// <summary>Where it was thrown from, when printed.</summary>
    public LogVector? Position { get; }
}
