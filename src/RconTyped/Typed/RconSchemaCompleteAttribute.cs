namespace RconTyped;

/// <summary>Generated on a server type whose schema lists every cvar and command of the server; the analyzer may then flag unknown raw commands (RCON003).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RconSchemaCompleteAttribute : Attribute
{
}
