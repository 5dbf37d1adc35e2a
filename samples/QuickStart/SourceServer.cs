using RconTyped;

namespace QuickStart;

/// <summary>A typed API for Source servers, generated at build time from schemas/source-common.rcon.json.</summary>
[RconSchema("source-common.rcon.json")]
public partial class SourceServer : RconServer
{
}
