namespace RconTyped.Logs;

/// <summary><c>server_cvar: "name" "value"</c>, or a <c>"name" = "value"</c> line of a cvar dump in the log.</summary>
public sealed class ServerCvarEvent : LogEvent
{
    internal ServerCvarEvent(LogLineHead head, string name, string value)
        : base(head)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The cvar.</summary>
    public string Name { get; }

    /// <summary>Its value.</summary>
    public string Value { get; }
}
