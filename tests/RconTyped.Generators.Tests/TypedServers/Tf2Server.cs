namespace RconTyped.Generators.Tests.TypedServers;

/// <summary>A real TF2 dump, refined by the curated schema (types, bounds, parameters).</summary>
[RconSchema("tf2-dgibbs64.cvarlist.txt", "source-common.rcon.json")]
public partial class Tf2Server : RconServer
{
}
