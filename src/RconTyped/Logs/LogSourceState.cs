using System.Text;

namespace RconTyped.Logs;

/// <summary>What one sending server has in progress: the start of a line split across datagrams, and a JSON block.</summary>
internal sealed class LogSourceState
{
    /// <summary>The longest line kept while its datagrams arrive; longer is malformed.</summary>
    public const int MaxPartialLength = 64 * 1024;

    public StringBuilder Partial { get; } = new();

    public long PartialSince { get; set; }

    public LogSourceState(Func<string, LogEvent> parse) => Assembler = new LogLineAssembler(parse);

    public LogLineAssembler Assembler { get; }
}
