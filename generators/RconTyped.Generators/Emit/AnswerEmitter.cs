using System.Globalization;
using RconTyped.Generators.Model;

namespace RconTyped.Generators.Emit;

/// <summary>
/// Writes the nested answer class of a command whose schema declares an answer: a property per line group, a <c>Row</c>
/// record per row, <c>Text</c>, <c>UnparsedLines</c> and a <c>Parse</c> that never throws. Patterns are interpreted
/// <c>Regex</c> instances, built on first use: a generator cannot rely on [GeneratedRegex] in its own output, because
/// generators do not see each other's output (dotnet/runtime#89923), and the interpreter is trimming- and AOT-safe.
/// </summary>
internal static class AnswerEmitter
{
    public const string Alias = "using __Reader = global::RconTyped.RconAnswerReader;";

    private const string Regex = "global::System.Text.RegularExpressions.Regex";
    private const string Match = "global::System.Text.RegularExpressions.Match";
    private const string List = "global::System.Collections.Generic.List";
    private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";

    public static void Emit(SourceWriter w, MemberModel member, AnswerModel answer, string generatedCode)
    {
        string name = CSharpLiterals.Xml(member.ConsoleName);
        w.Line($"/// <summary>The answer of <c>{name}</c>, read with the patterns its schema declares.</summary>");
        w.Line(generatedCode);
        w.Open($"public sealed class {answer.ClassName}");
        for (int i = 0; i < answer.Lines.Count; i++)
        {
            w.Line($"private static {Regex}? __line{i.ToString(CultureInfo.InvariantCulture)};");
        }

        if (answer.RowPattern is not null)
        {
            w.Line($"private static {Regex}? __row;");
            w.Line($"private readonly {List}<Row> __rows = new {List}<Row>();");
        }

        w.Line($"private readonly {List}<string> __unparsed = new {List}<string>();");
        w.Line();
        w.Line($"private {answer.ClassName}(string text) => Text = text;");
        w.Line();
        w.Line("/// <summary>The answer as the server sent it.</summary>");
        w.Line("public string Text { get; }");
        foreach (AnswerFieldModel field in answer.LineFields)
        {
            w.Line();
            w.Line($"/// <summary>Group <c>{CSharpLiterals.Xml(field.Group)}</c> of the first line that gave it; null when none did.</summary>");
            w.Line($"public {CSharpTypes.Field(field)}? {field.Identifier} {{ get; private set; }}");
        }

        if (answer.RowPattern is not null)
        {
            w.Line();
            w.Line("/// <summary>Every line that matched the row pattern, in order.</summary>");
            w.Line($"public {ReadOnlyList}<Row> Rows => __rows;");
        }

        w.Line();
        w.Line("/// <summary>Every non-blank line that no pattern read (or whose groups did not convert): nothing is lost silently.</summary>");
        w.Line($"public {ReadOnlyList}<string> UnparsedLines => __unparsed;");
        if (answer.RowPattern is not null)
        {
            w.Line();
            w.Line($"/// <summary>A row: <c>{CSharpLiterals.Xml(answer.RowPattern)}</c>.</summary>");
            w.Line($"public sealed record Row({string.Join(", ", answer.RowFields.Select(f => CSharpTypes.Field(f) + " " + f.Identifier))});");
        }

        w.Line();
        w.Line($"/// <summary>Reads an answer of <c>{name}</c>. Never throws: what no pattern reads is in <see cref=\"UnparsedLines\"/>.</summary>");
        w.Open($"public static {answer.ClassName} Parse(string text)");
        w.Line($"var answer = new {answer.ClassName}(text ?? string.Empty);");
        w.Open("foreach (string line in __Reader.Lines(answer.Text))");
        w.Open("if (!answer.ReadLine(line) && !answer.ReadRow(line))");
        w.Line("answer.__unparsed.Add(line);");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return answer;");
        w.Close();
        EmitReadLine(w, answer);
        EmitReadRow(w, answer);
        w.Close();
    }

    private static void EmitReadLine(SourceWriter w, AnswerModel answer)
    {
        w.Line();
        w.Open("private bool ReadLine(string line)");
        if (answer.Lines.Count == 0)
        {
            w.Line("return false;");
            w.Close();
            return;
        }

        w.Line($"{Match}? m;");
        for (int i = 0; i < answer.Lines.Count; i++)
        {
            AnswerLineModel pattern = answer.Lines[i];
            string index = i.ToString(CultureInfo.InvariantCulture);
            var conditions = new List<string> { $"(m = __Reader.Match(__line{index} ??= __Reader.Pattern({CSharpLiterals.String(pattern.Pattern)}), line)) is not null" };
            for (int f = 0; f < pattern.Fields.Count; f++)
            {
                conditions.Add(Convert(pattern.Fields[f], Variable(i, f)));
            }

            WriteCondition(w, conditions, "&&");
            w.Line("{");
            for (int f = 0; f < pattern.Fields.Count; f++)
            {
                w.Line($"    {pattern.Fields[f].Identifier} ??= {Variable(i, f)};");
            }

            w.Line("    return true;");
            w.Line("}");
            w.Line();
        }

        w.Line("return false;");
        w.Close();
    }

    private static void EmitReadRow(SourceWriter w, AnswerModel answer)
    {
        w.Line();
        w.Open("private bool ReadRow(string line)");
        if (answer.RowPattern is null)
        {
            w.Line("return false;");
            w.Close();
            return;
        }

        var conditions = new List<string> { $"__Reader.Match(__row ??= __Reader.Pattern({CSharpLiterals.String(answer.RowPattern)}), line) is not {Match} m" };
        var values = new List<string>();
        for (int f = 0; f < answer.RowFields.Count; f++)
        {
            AnswerFieldModel field = answer.RowFields[f];
            string variable = "f" + f.ToString(CultureInfo.InvariantCulture);
            conditions.Add("!" + Convert(field, variable) + (CSharpTypes.IsValueType(field) ? $" || {variable} is null" : string.Empty));
            values.Add(CSharpTypes.IsValueType(field) ? variable + ".Value" : variable + " ?? string.Empty");
        }

        WriteCondition(w, conditions, "||");
        w.Line("{");
        w.Line("    return false;");
        w.Line("}");
        w.Line();
        w.Line($"__rows.Add(new Row({string.Join(", ", values)}));");
        w.Line("return true;");
        w.Close();
    }

    /// <summary><c>if (a</c>, then <c>    &amp;&amp; b</c> a line each, the last closing the parenthesis.</summary>
    private static void WriteCondition(SourceWriter w, List<string> conditions, string join)
    {
        for (int i = 0; i < conditions.Count; i++)
        {
            string close = i == conditions.Count - 1 ? ")" : string.Empty;
            w.Line(i == 0 ? "if (" + conditions[i] + close : "    " + join + " " + conditions[i] + close);
        }
    }

    /// <summary>The conversion of a group into <paramref name="variable"/> (out variables of an <c>if</c> share the method's scope, so each is unique).</summary>
    private static string Convert(AnswerFieldModel field, string variable) =>
        $"__Reader.{CSharpTypes.Reader(field)}(m.Groups[{CSharpLiterals.String(field.Group)}], out {CSharpTypes.Field(field)}? {variable})";

    private static string Variable(int line, int field) =>
        "l" + line.ToString(CultureInfo.InvariantCulture) + "f" + field.ToString(CultureInfo.InvariantCulture);
}
