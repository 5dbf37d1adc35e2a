using RconTyped.Schema;

namespace RconTyped.Generators.Model;

/// <summary>One line pattern of an answer and the fields its named groups fill.</summary>
internal sealed record AnswerLineModel(string Pattern, EquatableArray<AnswerFieldModel> Fields);
