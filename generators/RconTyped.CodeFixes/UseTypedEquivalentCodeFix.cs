using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RconTyped.Generators.Analyzers;

namespace RconTyped.CodeFixes;

/// <summary>
/// Rewrites <c>server.ExecuteAsync("maxplayers 16", ct)</c> to <c>server.Maxplayers.SetAsync(16, ct)</c>, keeping
/// the receiver, <c>await</c>, <c>ConfigureAwait</c> and trivia. Offered only where the analyzer marked the
/// rewrite as faithful.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseTypedEquivalentCodeFix))]
[Shared]
public sealed class UseTypedEquivalentCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RCON001");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(RawCommandAnalyzer.FixableProperty)
                || !diagnostic.Properties.TryGetValue(RawCommandAnalyzer.MemberPathProperty, out string? memberPath)
                || memberPath is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
            {
                continue;
            }

            string arguments = (diagnostic.Properties.TryGetValue(RawCommandAnalyzer.ArgumentsProperty, out string? list) ? list : null) ?? string.Empty;
            string title = $"Use {memberPath}";
            context.RegisterCodeFix(
                CodeAction.Create(title, token => RewriteAsync(context.Document, invocation, access, memberPath, arguments, token), equivalenceKey: "RCON001"),
                diagnostic);
        }
    }

    private static async Task<Document> RewriteAsync(Document document, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, string memberPath, string arguments, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        string argumentList = string.Join(", ", arguments.Split(new[] { RawCommandAnalyzer.ArgumentSeparator }, StringSplitOptions.RemoveEmptyEntries));
        ExpressionSyntax replacement = SyntaxFactory.ParseExpression($"{access.Expression.WithoutTrivia()}.{memberPath}({argumentList})")
            .WithTriviaFrom(invocation);
        return document.WithSyntaxRoot(root.ReplaceNode(invocation, replacement));
    }
}
