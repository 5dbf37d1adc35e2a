namespace RconTyped.Schema;

/// <summary>One parameter of a console command, from a schema.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Type">Its type (<see cref="ConsoleValueType.Unknown"/> means text).</param>
/// <param name="Optional">Whether it may be left out (optional parameters come last).</param>
/// <param name="Rest">Whether it takes the rest of the line (the last parameter only).</param>
internal sealed record CommandParameter(string Name, ConsoleValueType Type, bool Optional, bool Rest);
