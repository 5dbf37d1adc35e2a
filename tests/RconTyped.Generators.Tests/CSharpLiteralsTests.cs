using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RconTyped.Generators.Emit;

namespace RconTyped.Generators.Tests;

public class CSharpLiteralsTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" backslash \\ tab \t")]
    [InlineData("lines\r\nnul\0bell\a")]
    [InlineData("separators \u2028 \u2029 next-line \u0085")]
    [InlineData("lone surrogate \ud800 pair \ud83d\ude00")]
    public void A_string_literal_parses_back_to_the_same_text_on_one_line(string value)
    {
        string literal = CSharpLiterals.String(value);

        var parsed = (LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal);
        Assert.Empty(parsed.GetDiagnostics());
        Assert.Equal(value, parsed.Token.ValueText);
        Assert.DoesNotContain('\n', literal);
        Assert.DoesNotContain('\u2028', literal);
        Assert.DoesNotContain('\ud800', literal); // a lone surrogate would make the generated file unreadable as UTF-8
    }

    [Fact]
    public void Null_is_the_null_literal()
    {
        Assert.Equal("null", CSharpLiterals.String(null));
    }
}
