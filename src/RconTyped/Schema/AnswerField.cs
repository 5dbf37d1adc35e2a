namespace RconTyped.Schema;

/// <summary>A named group of an answer pattern and the type it is read as.</summary>
/// <param name="Group">The group's name in the pattern.</param>
/// <param name="Type">One of <see cref="AnswerFieldTypes.All"/>.</param>
/// <param name="InRow">True for a group of the row pattern, false for a line pattern's.</param>
internal sealed record AnswerField(string Group, string Type, bool InRow);
