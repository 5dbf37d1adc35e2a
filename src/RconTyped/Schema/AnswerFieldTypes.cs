namespace RconTyped.Schema;

/// <summary>The types an answer field may be declared as in a schema's <c>answer.types</c>.</summary>
internal static class AnswerFieldTypes
{
    public const string String = "string";
    public const string Int = "int";
    public const string Long = "long";
    public const string Float = "float";
    public const string Bool = "bool";
    public const string SteamId = "steamid";
    public const string Duration = "duration";

    public static readonly string[] All = { String, Int, Long, Float, Bool, SteamId, Duration };
}
