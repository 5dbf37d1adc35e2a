using System.Globalization;

namespace RconTyped.Testing.Games;

/// <summary>Source 1 srcds itself: the shared srcds console, with <c>cvarlist</c> in Source 1's layout (quoted flags, values as numbers).</summary>
internal sealed class SourceOneGame : SourceGame
{
    /// <summary>Source 1 prints values with GetInt/GetFloat: text shows as 0, whole numbers without decimals.</summary>
    public override string CvarListValue(string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return "0";
        }

        return number == Math.Floor(number) && Math.Abs(number) < int.MaxValue
            ? ((int)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("F3", CultureInfo.InvariantCulture);
    }

    public override string CvarListRow(string name, string value, IReadOnlyList<string> flags, string description)
    {
        string quoted = flags.Count == 0 ? string.Empty : ", " + string.Join(", ", flags.Select(f => $"\"{f}\""));
        return string.Create(CultureInfo.InvariantCulture, $"{name,-40} : {value,-8} : {quoted,-16} : {description}\n");
    }
}
