namespace RconTyped.Generators.Tests.TypedServers;

/// <summary>A real CS2 dump: Source 2 values give booleans, floats and text.</summary>
[RconSchema("cs2-dgibbs64.cvarlist.txt")]
internal partial class Cs2Server : RconServer
{
}
