namespace RconTyped.Generators.Model;

/// <summary>A named group as a C# property.</summary>
/// <param name="Group">The group's name in the pattern.</param>
/// <param name="Identifier">The property (or row parameter) name.</param>
/// <param name="Kind">What the group holds; the emitter chooses the C# type and the reader method.</param>
internal sealed record AnswerFieldModel(string Group, string Identifier, AnswerFieldKind Kind);
