namespace RconTyped;

/// <summary>
/// Generates a typed API on a <c>partial class</c> deriving from <see cref="RconServer"/>, from AdditionalFiles items:
/// <c>*.rcon.json</c> schemas or <c>cvarlist</c> dumps. With several files, later ones refine earlier ones
/// (a dump, then a curated schema that gives types, bounds and parameters).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RconSchemaAttribute : Attribute
{
    /// <summary>Names the AdditionalFiles items (file names, or paths ending with them) to generate from.</summary>
    public RconSchemaAttribute(params string[] files) => Files = files;

    /// <summary>The files to generate from, in order.</summary>
    public IReadOnlyList<string> Files { get; }
}
