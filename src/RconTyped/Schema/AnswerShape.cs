namespace RconTyped.Schema;

/// <summary>
/// The shape of a command's answer, as a schema declares it: patterns for single lines (their named groups become the
/// answer's fields) and one pattern for repeated rows (its groups become a row's fields).
/// </summary>
/// <param name="LinePatterns">Patterns tried on each line, in order; the first match of a group wins.</param>
/// <param name="RowPattern">The pattern of a row, or null for an answer without rows.</param>
/// <param name="Fields">Every named group with its type, line groups first.</param>
internal sealed record AnswerShape(EquatableArray<string> LinePatterns, string? RowPattern, EquatableArray<AnswerField> Fields);
