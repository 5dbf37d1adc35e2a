using RconTyped;

namespace HostedBot;

/// <summary>The typed API generated from schemas/source-common.rcon.json.</summary>
[RconSchema("source-common.rcon.json")]
public partial class SourceServer : RconServer
{
}
