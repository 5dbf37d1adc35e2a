using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace RconTyped.Generators.Parsing;

/// <summary>
/// Turns console names into C# identifiers by the rules in docs/schema.md: words split at anything that is not a
/// letter or digit and joined in PascalCase (<c>sv_cheats</c> → <c>SvCheats</c>); leading <c>+ - @ _</c> spelled
/// out (<c>Plus</c>, <c>Minus</c>, <c>At</c>, <c>Underscore</c>); a leading digit prefixed with <c>N</c>; collisions
/// numbered (<c>_2</c>, <c>_3</c> …) in ordinal order of the console names, so the result is stable from run to run.
/// </summary>
internal static class IdentifierRules
{
    public static string ToPascalCase(string consoleName)
    {
        var result = new StringBuilder();
        int start = 0;
        while (start < consoleName.Length && "+-@_".IndexOf(consoleName[start]) >= 0)
        {
            result.Append(consoleName[start] switch
            {
                '+' => "Plus",
                '-' => "Minus",
                '@' => "At",
                _ => "Underscore",
            });
            start++;
        }

        bool upperNext = true;
        for (int i = start; i < consoleName.Length; i++)
        {
            char c = consoleName[i];
            if (c < 128 && char.IsLetterOrDigit(c))
            {
                result.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        if (result.Length == 0)
        {
            return "Unnamed";
        }

        return char.IsDigit(result[0]) ? "N" + result : result.ToString();
    }

    public static string ToCamelCase(string name)
    {
        string pascal = ToPascalCase(name);
        string camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(camel) != SyntaxKind.None
            ? "@" + camel
            : camel;
    }

    /// <summary>Makes every identifier unique, numbering repeats in the order given (callers sort by console name).</summary>
    public static string[] MakeUnique(IReadOnlyList<string> identifiers, ISet<string> reserved)
    {
        var used = new HashSet<string>(reserved, StringComparer.Ordinal);
        var result = new string[identifiers.Count];
        for (int i = 0; i < identifiers.Count; i++)
        {
            string candidate = identifiers[i];
            for (int n = 2; used.Contains(candidate); n++)
            {
                candidate = identifiers[i] + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            used.Add(candidate);
            result[i] = candidate;
        }

        return result;
    }
}
