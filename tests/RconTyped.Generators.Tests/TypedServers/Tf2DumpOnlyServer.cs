namespace RconTyped.Generators.Tests.TypedServers;

/// <summary>A real TF2 dump alone: every value is RconValue, since a Source 1 dump cannot tell types.</summary>
[RconSchema("tf2-dgibbs64.cvarlist.txt")]
public partial class Tf2DumpOnlyServer : RconServer
{
}
