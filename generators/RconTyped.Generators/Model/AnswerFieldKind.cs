namespace RconTyped.Generators.Model;

/// <summary>What a declared answer field holds (a schema's <c>answer.types</c>); the emitter picks its C# type and reader.</summary>
internal enum AnswerFieldKind
{
    String,
    Int,
    Long,
    Float,
    Bool,
    SteamId,
    Duration,
}
