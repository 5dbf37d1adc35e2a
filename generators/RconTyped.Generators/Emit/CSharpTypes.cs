using RconTyped.Generators.Model;
using RconTyped.Schema;

namespace RconTyped.Generators.Emit;

/// <summary>
/// The one place the model's value kinds become C# text: types, converters and readers, written against the aliases
/// the emitted file declares (<c>__Converters</c>, <c>__Reader</c>).
/// </summary>
internal static class CSharpTypes
{
    /// <summary>The value type of a cvar's <c>RconVariable&lt;T&gt;</c>; an enum cvar gets its own generated enum.</summary>
    public static string VariableValue(MemberModel member) => member.Type switch
    {
        ConsoleValueType.Enum => EnumName(member),
        ConsoleValueType.Unknown => "global::RconTyped.RconValue",
        _ => Scalar(member.Type),
    };

    /// <summary>The name of the enum generated for an enum cvar.</summary>
    public static string EnumName(MemberModel member) => member.Identifier + "Value";

    /// <summary>The converter a cvar's <c>RconVariable&lt;T&gt;</c> is built with.</summary>
    public static string Converter(MemberModel member) => member.Type switch
    {
        ConsoleValueType.Enum => $"__Converters.Enum<{EnumName(member)}>()",
        ConsoleValueType.Unknown => "__Converters.Value",
        _ => ScalarConverter(member.Type),
    };

    /// <summary>A command parameter's C# type: bool, int and double (nullable when optional), text for anything else.</summary>
    public static string Parameter(ParameterModel parameter)
    {
        string type = IsFormatted(parameter.Type) ? Scalar(parameter.Type) : "string";
        return parameter.Optional ? type + "?" : type;
    }

    /// <summary>The expression that turns a command argument into its text (null stays null: an omitted optional argument).</summary>
    public static string Argument(ParameterModel parameter)
    {
        if (!IsFormatted(parameter.Type))
        {
            return parameter.Identifier;
        }

        string converter = ScalarConverter(parameter.Type);
        return parameter.Optional
            ? $"({parameter.Identifier} is null ? null : {converter}.Format({parameter.Identifier}.Value))"
            : $"{converter}.Format({parameter.Identifier})";
    }

    /// <summary>The C# type of a scalar kind: bool, int, double, or string.</summary>
    private static string Scalar(ConsoleValueType type) => type switch
    {
        ConsoleValueType.Bool => "bool",
        ConsoleValueType.Int => "int",
        ConsoleValueType.Float => "double",
        _ => "string",
    };

    /// <summary>The converter of a scalar kind.</summary>
    private static string ScalarConverter(ConsoleValueType type) => type switch
    {
        ConsoleValueType.Bool => "__Converters.Boolean",
        ConsoleValueType.Int => "__Converters.Int32",
        ConsoleValueType.Float => "__Converters.Double",
        _ => "__Converters.String",
    };

    /// <summary>Whether a command argument of this kind is formatted by a converter (bool, int, float); others pass as given.</summary>
    private static bool IsFormatted(ConsoleValueType type) => type is ConsoleValueType.Bool or ConsoleValueType.Int or ConsoleValueType.Float;

    /// <summary>An answer field's C# type, without nullability.</summary>
    public static string Field(AnswerFieldModel field) => field.Kind switch
    {
        AnswerFieldKind.Int => "int",
        AnswerFieldKind.Long => "long",
        AnswerFieldKind.Float => "double",
        AnswerFieldKind.Bool => "bool",
        AnswerFieldKind.SteamId => "global::RconTyped.SteamId",
        AnswerFieldKind.Duration => "global::System.TimeSpan",
        _ => "string",
    };

    /// <summary>The <c>RconAnswerReader</c> method that converts an answer field's group.</summary>
    public static string Reader(AnswerFieldModel field) => field.Kind switch
    {
        AnswerFieldKind.Int => "TryInt32",
        AnswerFieldKind.Long => "TryInt64",
        AnswerFieldKind.Float => "TryDouble",
        AnswerFieldKind.Bool => "TryBoolean",
        AnswerFieldKind.SteamId => "TrySteamId",
        AnswerFieldKind.Duration => "TryDuration",
        _ => "TryString",
    };

    /// <summary>Whether an answer field's type is a struct (a row reads <c>.Value</c> of it).</summary>
    public static bool IsValueType(AnswerFieldModel field) => field.Kind != AnswerFieldKind.String;
}
