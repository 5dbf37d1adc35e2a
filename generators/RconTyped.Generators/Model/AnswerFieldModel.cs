namespace RconTyped.Generators.Model;

/// <summary>A named group as a C# property.</summary>
/// <param name="Group">The group's name in the pattern.</param>
/// <param name="Identifier">The property (or row parameter) name.</param>
/// <param name="TypeName">The C# type, without nullability (<c>int</c>, <c>string</c>, <c>global::RconTyped.SteamId</c>).</param>
/// <param name="Reader">The <c>RconAnswerReader</c> method that converts the group (<c>TryInt32</c>).</param>
/// <param name="IsValueType">Whether the type is a struct (a row reads <c>.Value</c> of it).</param>
internal sealed record AnswerFieldModel(string Group, string Identifier, string TypeName, string Reader, bool IsValueType);
