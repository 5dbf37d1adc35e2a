namespace RconTyped.Generators.Tests.TypedServers;

/// <summary>The curated schema alone.</summary>
[RconSchema("source-common.rcon.json")]
public partial class CommonServer : RconServer
{
}
