namespace RconTyped;

/// <summary>Marks a generated property as the console variable <see cref="Name"/>; read by the analyzer and by tools.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class RconVariableAttribute : Attribute
{
    /// <summary>Marks a property as a console variable.</summary>
    public RconVariableAttribute(string name) => Name = name;

    /// <summary>The console name.</summary>
    public string Name { get; }

    /// <summary>The lower bound, or NaN when there is none.</summary>
    public double Min { get; set; } = double.NaN;

    /// <summary>The upper bound, or NaN when there is none.</summary>
    public double Max { get; set; } = double.NaN;

    /// <summary>The flags, comma-separated.</summary>
    public string Flags { get; set; } = string.Empty;
}
