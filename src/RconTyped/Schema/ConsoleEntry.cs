using System.Collections.Generic;

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
    bool HasParameterList,
    AnswerShape? Answer = null)
{
    /// <summary>An entry as a dump shows it: no bounds, no parameter list.</summary>
    public static ConsoleEntry FromDump(string name, bool isCommand, ConsoleValueType type, string? value, string? defaultValue, IEnumerable<string> flags, string description) =>
        new(
            name,
            isCommand,
            isCommand ? ConsoleValueType.Unknown : type,
            isCommand ? null : value,
            isCommand ? null : defaultValue,
            null,
            null,
            flags.ToEquatableArray(),
            description,
            EquatableArray<CommandParameter>.Empty,
            EquatableArray<EnumMember>.Empty,
            HasParameterList: false);
}
