using RconTyped.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RconTyped.Generators.Analyzers;

/// <summary>
/// A raw command the analyzer can reason about: a constant string, or an interpolated string whose text is
/// <c>"name "</c> followed by one hole (<c>$"maxplayers {n}"</c>).
/// </summary>
internal sealed class RawCommand
{
    private readonly ITypeSymbol? _holeType;
    private readonly Compilation? _compilation;

    private RawCommand(string name, List<string> words, string display, string? hole, ITypeSymbol? holeType, Compilation? compilation)
    {
        Name = name;
        Words = words;
        Display = display;
        Hole = hole;
        _holeType = holeType;
        _compilation = compilation;
    }

    /// <summary>The command word.</summary>
    public string Name { get; }

    /// <summary>The words after the command word (for an interpolated command, one placeholder).</summary>
    public List<string> Words { get; }

    /// <summary>The command as the diagnostic message shows it.</summary>
    public string Display { get; }

    /// <summary>The interpolation hole's expression text, when the command is interpolated.</summary>
    public string? Hole { get; }

    public bool IsInterpolated => Hole is not null;

    public static RawCommand? From(IOperation value)
    {
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            List<string>? words = ConsoleLine.SplitSingleCommand(text);
            if (words is null || words.Count == 0)
            {
                return null;
            }

            return new RawCommand(words[0], words.Skip(1).ToList(), text, null, null, null);
        }

        if (value is IInterpolatedStringOperation interpolated
            && interpolated.Parts.Length == 2
            && interpolated.Parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string prefix }
            && interpolated.Parts[1] is IInterpolationOperation { Alignment: null, FormatString: null } hole
            && prefix.EndsWith(" ", StringComparison.Ordinal)
            && ConsoleLine.SplitSingleCommand(prefix.TrimEnd()) is { Count: 1 } commandWord)
        {
            return new RawCommand(commandWord[0], new List<string> { "{" + hole.Expression.Syntax + "}" }, value.Syntax.ToString(), hole.Expression.Syntax.ToString(), hole.Expression.Type, value.SemanticModel?.Compilation);
        }

        return null;
    }

    /// <summary>Whether the hole's value converts implicitly to the cvar's type, so passing it compiles.</summary>
    public bool HoleConverts(ITypeSymbol target) =>
        _holeType is not null && _compilation is not null && _compilation.ClassifyCommonConversion(_holeType, target).IsImplicit;
}
