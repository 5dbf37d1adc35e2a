using System.Globalization;

namespace RconTyped;

/// <summary>The converters generated code uses: booleans as 1/0, numbers in the invariant culture, text quoted.</summary>
public static class RconValueConverters
{
    /// <summary><c>bool</c>: written 1 or 0; reads 1/0, true/false and any number.</summary>
    public static RconValueConverter<bool> Boolean { get; } = new BooleanConverter();

    /// <summary><c>int</c>: also reads whole numbers printed with decimals (<c>16.000000</c>).</summary>
    public static RconValueConverter<int> Int32 { get; } = new Int32Converter();

    /// <summary><c>double</c>, invariant culture.</summary>
    public static RconValueConverter<double> Double { get; } = new DoubleConverter();

    /// <summary><c>string</c>: always written quoted; a double quote or line break is refused.</summary>
    public static RconValueConverter<string> String { get; } = new StringConverter();

    /// <summary><see cref="RconValue"/>: written as its text (quoted when needed).</summary>
    public static RconValueConverter<RconValue> Value { get; } = new ValueConverter();

    /// <summary>An enum over integer console values.</summary>
    public static RconValueConverter<TEnum> Enum<TEnum>()
        where TEnum : struct, System.Enum => EnumConverter<TEnum>.Instance;

    private sealed class BooleanConverter : RconValueConverter<bool>
    {
        public override bool Parse(string text) =>
            RconValueFormat.TryParseBoolean(text, out bool value) ? value : throw new FormatException($"\"{text}\" is not a boolean (1, 0, true or false).");

        public override string Format(bool value) => value ? "1" : "0";
    }

    private sealed class Int32Converter : RconValueConverter<int>
    {
        public override int Parse(string text) => (int)new RconValue(text.Trim());

        public override string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    private sealed class DoubleConverter : RconValueConverter<double>
    {
        public override double Parse(string text) => (double)new RconValue(text.Trim());

        public override string Format(double value) => RconValueFormat.Format(value);
    }

    private sealed class StringConverter : RconValueConverter<string>
    {
        public override string Parse(string text) => text;

        public override string Format(string value) => RconValueFormat.QuoteArgument(value, alwaysQuote: true);
    }

    private sealed class ValueConverter : RconValueConverter<RconValue>
    {
        public override RconValue Parse(string text) => new(text);

        public override string Format(RconValue value) => RconValueFormat.QuoteArgument(value.Text);
    }

    private sealed class EnumConverter<TEnum> : RconValueConverter<TEnum>
        where TEnum : struct, System.Enum
    {
        public static readonly EnumConverter<TEnum> Instance = new();

        public override TEnum Parse(string text)
        {
            int number = (int)new RconValue(text.Trim());
            return (TEnum)System.Enum.ToObject(typeof(TEnum), number);
        }

        public override string Format(TEnum value) => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }
}
