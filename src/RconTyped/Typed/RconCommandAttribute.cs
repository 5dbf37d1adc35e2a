namespace RconTyped;

/// <summary>Marks a generated method as the console command <see cref="Name"/>; read by the analyzer and by tools.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RconCommandAttribute : Attribute
{
    /// <summary>Marks a method as a console command.</summary>
    public RconCommandAttribute(string name) => Name = name;

    /// <summary>The console name.</summary>
    public string Name { get; }

    /// <summary>The flags, comma-separated.</summary>
    public string Flags { get; set; } = string.Empty;
}
