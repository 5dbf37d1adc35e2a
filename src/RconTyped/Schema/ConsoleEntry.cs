namespace RconTyped.Schema;

/// <summary>A console variable or command, as read from a dump or a schema.</summary>
internal sealed record ConsoleEntry(
    string Name,
    bool IsCommand,
    ConsoleValueType Type,
    string? Value,
    string? Default,
    double? Min,
    double? Max,
    EquatableArray<string> Flags,
    string Description,
    EquatableArray<CommandParameter> Parameters,
    EquatableArray<EnumMember> EnumValues,
    bool HasParameterList);
