namespace RconTyped;

/// <summary>Reads and writes one C# type as console text. Generated code passes one to each <see cref="RconVariable{T}"/>.</summary>
/// <typeparam name="T">The C# type.</typeparam>
public abstract class RconValueConverter<T>
{
    /// <summary>Reads console text.</summary>
    /// <exception cref="FormatException">The text is not a <typeparamref name="T"/>.</exception>
    public abstract T Parse(string text);

    /// <summary>Writes a value as a console argument (quoted when needed).</summary>
    public abstract string Format(T value);
}
