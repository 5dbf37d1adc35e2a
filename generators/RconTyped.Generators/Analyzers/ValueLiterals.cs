using System.Globalization;
using Microsoft.CodeAnalysis;
using RconTyped.Generators.Emit;

namespace RconTyped.Generators.Analyzers;

/// <summary>Turns a console word into a C# expression of a given type, the way the typed call would send it back.</summary>
internal static class ValueLiterals
{
    /// <summary>The C# expression for <paramref name="word"/> as <paramref name="type"/>, or null when it is not one.</summary>
    public static string? Convert(string word, ITypeSymbol type, out double? number)
    {
        number = null;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
                return word switch
                {
                    "1" or "true" => "true",
                    "0" or "false" => "false",
                    _ => null,
                };
            case SpecialType.System_Int32:
                if (int.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int whole))
                {
                    number = whole;
                    return whole.ToString(CultureInfo.InvariantCulture);
                }

                return null;
            case SpecialType.System_Double:
                if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) && !double.IsInfinity(real) && !double.IsNaN(real))
                {
                    number = real;
                    string text = real.ToString("R", CultureInfo.InvariantCulture);
                    return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
                }

                return null;
            case SpecialType.System_String:
                return word.IndexOfAny(new[] { '"', '\n', '\r' }) >= 0 ? null : CSharpLiterals.String(word);
        }

        if (type.Name == "RconValue" && type.ContainingNamespace.ToDisplayString() == "RconTyped")
        {
            // RconValue converts from int, double and string: keep the word's own kind so the same text is sent.
            if (int.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int asInt) && asInt.ToString(CultureInfo.InvariantCulture) == word)
            {
                number = asInt;
                return asInt.ToString(CultureInfo.InvariantCulture);
            }

            return word.IndexOfAny(new[] { '"', '\n', '\r' }) >= 0 ? null : CSharpLiterals.String(word);
        }

        if (type.TypeKind == TypeKind.Enum && long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            foreach (IFieldSymbol field in type.GetMembers().OfType<IFieldSymbol>())
            {
                if (field.HasConstantValue && System.Convert.ToInt64(field.ConstantValue, CultureInfo.InvariantCulture) == value)
                {
                    return type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + field.Name;
                }
            }
        }

        return null;
    }
}
