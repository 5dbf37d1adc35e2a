using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace RconTyped.Generators.Emit;

/// <summary>Writes values as C# source: string literals, doubles, XML doc text.</summary>
internal static class CSharpLiterals
{
    /// <summary>A C# string literal (Roslyn's own formatting: quotes, escapes, non-printable characters as \u escapes), or <c>null</c>.</summary>
    public static string String(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Double(double? value) =>
        value is null ? "null"
        : double.IsNaN(value.Value) ? "double.NaN"
        : double.IsPositiveInfinity(value.Value) ? "double.PositiveInfinity"
        : double.IsNegativeInfinity(value.Value) ? "double.NegativeInfinity"
        : value.Value.ToString("R", CultureInfo.InvariantCulture) + "d";

    public static string Xml(string text)
    {
        var xml = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': xml.Append("&amp;"); break;
                case '<': xml.Append("&lt;"); break;
                case '>': xml.Append("&gt;"); break;
                default:
                    xml.Append(char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c);
                    break;
            }
        }

        return xml.ToString();
    }
}
