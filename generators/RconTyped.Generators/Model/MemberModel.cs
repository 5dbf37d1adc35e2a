using RconTyped.Schema;

namespace RconTyped.Generators.Model;

/// <summary>A generated property (cvar) or method (command), as values: the emitter alone writes C# text from it.</summary>
internal sealed record MemberModel(
    string ConsoleName,
    string Identifier,
    bool IsCommand,
    ConsoleValueType Type,
    string? Default,
    double? Min,
    double? Max,
    EquatableArray<string> Flags,
    string Description,
    EquatableArray<ParameterModel> Parameters,
    bool HasParameterList,
    EquatableArray<EnumMember> EnumMembers,
    AnswerModel? Answer = null);
