using System.Globalization;
using System.Text;

namespace RconTyped.Generators.Emit;

/// <summary>Writes values as C# source: string literals, doubles, XML doc text.</summary>
internal static class CSharpLiterals
{
    public static string String(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\0': text.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

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
