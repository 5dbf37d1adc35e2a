using RconTyped.Schema;

namespace RconTyped.Generators.Model;

/// <summary>A generated property (cvar) or method (command).</summary>
internal sealed record MemberModel(
    string ConsoleName,
    string Identifier,
    bool IsCommand,
    string TypeName,
    string ConverterExpression,
    string? Default,
    double? Min,
    double? Max,
    EquatableArray<string> Flags,
    string Description,
    EquatableArray<ParameterModel> Parameters,
    bool HasParameterList,
    EquatableArray<EnumMember> EnumMembers,
    AnswerModel? Answer = null);
