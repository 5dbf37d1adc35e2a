namespace RconTyped;

/// <summary>A position in the map, in world units, as log lines print it (<c>[x y z]</c> or <c>"x y z"</c>).</summary>
/// <param name="X">East–west.</param>
/// <param name="Y">North–south.</param>
/// <param name="Z">Height.</param>
public readonly record struct LogPosition(int X, int Y, int Z);
