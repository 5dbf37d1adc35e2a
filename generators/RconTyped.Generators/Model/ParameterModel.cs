using RconTyped.Schema;

namespace RconTyped.Generators.Model;

/// <summary>A parameter of a generated command method.</summary>
/// <param name="Identifier">The C# parameter name.</param>
/// <param name="Type">What the argument holds (bool, int, float, or text for anything else); the emitter chooses the C# type and its formatting.</param>
/// <param name="Optional">Whether it defaults to null.</param>
internal sealed record ParameterModel(string Identifier, ConsoleValueType Type, bool Optional);
