namespace RconTyped.Logs;

/// <summary>A line a server plugin writes: SourceMod's <c>[basecommands.smx] "Console&lt;0&gt;&lt;Console&gt;&lt;Console&gt;" kicked "A" (reason "…")</c>, <c>[basechat.smx] …</c>, Metamod's <c>[META] …</c>, FACEIT's <c>[FACEIT] …</c>.</summary>
public sealed class PluginMessageEvent : LogEvent
{
    internal PluginMessageEvent(LogLineHead head, string plugin, string message)
        : base(head)
    {
        Plugin = plugin;
        Message = message;
    }

    /// <summary>The name in the brackets: <c>basecommands.smx</c>, <c>META</c>, <c>FACEIT</c> ….</summary>
    public string Plugin { get; }

    /// <summary>The text after the brackets.</summary>
    public string Message { get; }

    /// <summary>The player the message starts with, when it starts with one (who acted, for SourceMod's admin commands).</summary>
    public LogPlayer? Player { get; internal init; }
}
