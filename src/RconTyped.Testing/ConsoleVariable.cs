using System.Globalization;

namespace RconTyped.Testing;

/// <summary>A console variable of the emulated server.</summary>
public sealed class ConsoleVariable
{
    /// <summary>Creates a variable whose value starts at its default.</summary>
    public ConsoleVariable(string name, string defaultValue, double? min = null, double? max = null, IReadOnlyList<string>? flags = null, string description = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(defaultValue);
        Name = name;
        Default = defaultValue;
        Value = defaultValue;
        Min = min;
        Max = max;
        Flags = flags ?? [];
        Description = description ?? string.Empty;
    }

    /// <summary>The console name.</summary>
    public string Name { get; }

    /// <summary>The current value, as text.</summary>
    public string Value { get; internal set; }

    /// <summary>The default value.</summary>
    public string Default { get; }

    /// <summary>The lower bound, if any.</summary>
    public double? Min { get; }

    /// <summary>The upper bound, if any.</summary>
    public double? Max { get; }

    /// <summary>Flags in the short form cvarlist prints (<c>sv</c>, <c>cheat</c>, <c>rep</c> …).</summary>
    public IReadOnlyList<string> Flags { get; }

    /// <summary>The help text.</summary>
    public string Description { get; }

    /// <summary>Sets the value as srcds does: a number is clamped to the bounds; text is kept as it is.</summary>
    internal void Set(string value)
    {
        if ((Min is not null || Max is not null)
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            double clamped = Math.Clamp(number, Min ?? double.MinValue, Max ?? double.MaxValue);
            Value = clamped == number ? value : clamped.ToString(CultureInfo.InvariantCulture);
            return;
        }

        Value = value;
    }
}
