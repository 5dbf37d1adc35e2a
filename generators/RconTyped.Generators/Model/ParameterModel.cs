namespace RconTyped.Generators.Model;

/// <summary>A parameter of a generated command method.</summary>
/// <param name="Identifier">The C# parameter name.</param>
/// <param name="TypeName">The C# type.</param>
/// <param name="Optional">Whether it defaults to null.</param>
/// <param name="FormatExpression">How the argument becomes text; {0} stands for the parameter.</param>
internal sealed record ParameterModel(string Identifier, string TypeName, bool Optional, string FormatExpression);
