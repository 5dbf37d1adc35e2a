using System.Globalization;

namespace RconTyped.Logs;

/// <summary>
/// Three coordinates as a log line prints them: a position (<c>[x y z]</c> in CS:GO and CS2, <c>"x y z"</c> in TF2's
/// properties) or a velocity. Whole numbers in most lines; CS2's throw and projectile lines have fractions.
/// </summary>
public readonly struct LogVector : IEquatable<LogVector>
{
    /// <summary>Makes a vector.</summary>
    public LogVector(double x, double y, double z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>The first coordinate.</summary>
    public double X { get; }

    /// <summary>The second coordinate.</summary>
    public double Y { get; }

    /// <summary>The third coordinate (height, in Source maps).</summary>
    public double Z { get; }

    /// <summary>True when all three coordinates are equal.</summary>
    public bool Equals(LogVector other) => X.Equals(other.X) && Y.Equals(other.Y) && Z.Equals(other.Z);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LogVector other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(X, Y, Z);

    /// <summary><c>x y z</c>, as the log prints them.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{X} {Y} {Z}");

    /// <summary>Whether two vectors are equal.</summary>
    public static bool operator ==(LogVector left, LogVector right) => left.Equals(right);

    /// <summary>Whether two vectors differ.</summary>
    public static bool operator !=(LogVector left, LogVector right) => !left.Equals(right);
}
