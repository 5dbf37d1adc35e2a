using RconTyped.Schema;

namespace RconTyped.Generators.Model;

/// <summary>A command's declared answer: the nested class the emitter writes and the patterns it reads with.</summary>
/// <param name="ClassName">The nested answer class (<c>UsersAnswer</c>).</param>
/// <param name="Lines">The line patterns in order, each with the fields its groups fill.</param>
/// <param name="RowPattern">The row pattern, or null.</param>
/// <param name="RowFields">The fields of a row, in the pattern's group order.</param>
internal sealed record AnswerModel(string ClassName, EquatableArray<AnswerLineModel> Lines, string? RowPattern, EquatableArray<AnswerFieldModel> RowFields)
{
    /// <summary>Every line field once, in the order first seen.</summary>
    public IEnumerable<AnswerFieldModel> LineFields => Lines.SelectMany(l => l.Fields).GroupBy(f => f.Identifier).Select(g => g.First());
}
