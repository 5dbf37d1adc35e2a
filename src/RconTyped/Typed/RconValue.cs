using System.Globalization;

namespace RconTyped;

/// <summary>
/// A console value whose type the schema does not know (a Source 1 <c>cvarlist</c> prints every value as a number,
/// text cvars as 0). It converts from and to numbers, booleans and text, and two values are equal when their text
/// is, or when both are numbers of the same value (<c>600</c> and <c>600.000</c>).
/// </summary>
public readonly struct RconValue : IEquatable<RconValue>
{
    private readonly string? _text;

    /// <summary>Creates a value from its console text.</summary>
    public RconValue(string text) => _text = text;

    /// <summary>The value as the console prints it.</summary>
    public string Text => _text ?? string.Empty;

    /// <summary>The value as a whole number, when it is one.</summary>
    public bool TryGetInt32(out int value) => int.TryParse(Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>The value as a number, when it is one.</summary>
    public bool TryGetDouble(out double value) => double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>The value as a boolean: <c>1</c>/<c>0</c> or <c>true</c>/<c>false</c>.</summary>
    public bool TryGetBoolean(out bool value) => RconValueFormat.TryParseBoolean(Text, out value);

    /// <inheritdoc />
    public bool Equals(RconValue other) =>
        string.Equals(Text, other.Text, StringComparison.Ordinal)
        || (TryGetDouble(out double mine) && other.TryGetDouble(out double theirs) && mine.Equals(theirs));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RconValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => TryGetDouble(out double number) ? number.GetHashCode() : StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>The console text.</summary>
    public override string ToString() => Text;

    /// <summary>Compares two values.</summary>
    public static bool operator ==(RconValue left, RconValue right) => left.Equals(right);

    /// <summary>Compares two values.</summary>
    public static bool operator !=(RconValue left, RconValue right) => !left.Equals(right);

    /// <summary>A whole number.</summary>
    public static implicit operator RconValue(int value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A number, written so it reads back the same.</summary>
    public static implicit operator RconValue(double value) => new(RconValueFormat.Format(value));

    /// <summary>A boolean, written 1 or 0.</summary>
    public static implicit operator RconValue(bool value) => new(value ? "1" : "0");

    /// <summary>Text.</summary>
    public static implicit operator RconValue(string value) => new(value);

    /// <summary>The console text.</summary>
    public static implicit operator string(RconValue value) => value.Text;

    /// <summary>The value as a whole number.</summary>
    /// <exception cref="FormatException">It is not one.</exception>
    public static explicit operator int(RconValue value) =>
        value.TryGetInt32(out int number) ? number
        : value.TryGetDouble(out double real) && real == Math.Floor(real) && real is >= int.MinValue and <= int.MaxValue ? (int)real
        : throw new FormatException($"The console value \"{value.Text}\" is not a whole number.");

    /// <summary>The value as a number.</summary>
    /// <exception cref="FormatException">It is not one.</exception>
    public static explicit operator double(RconValue value) =>
        value.TryGetDouble(out double number) ? number : throw new FormatException($"The console value \"{value.Text}\" is not a number.");

    /// <summary>The value as a boolean.</summary>
    /// <exception cref="FormatException">It is not one.</exception>
    public static explicit operator bool(RconValue value) =>
        value.TryGetBoolean(out bool flag) ? flag : throw new FormatException($"The console value \"{value.Text}\" is not a boolean (1, 0, true or false).");
}
