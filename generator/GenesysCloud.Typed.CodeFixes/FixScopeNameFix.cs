using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using GenesysCloud.Typed.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenesysCloud.Typed.CodeFixes;

/// <summary>GCT0002: replaces an unknown scope with the known one it most likely meant.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FixScopeNameFix)), Shared]
public sealed class FixScopeNameFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("GCT0002");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics.First();
        if (!diagnostic.Properties.TryGetValue(ScopeAnalyzer.DidYouMeanKey, out var suggestion) || suggestion is null) return;
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span) is not { } node || node.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault() is not { } literal) return;
        context.RegisterCodeFix(CodeAction.Create($"Use '{suggestion}'", _ =>
            Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal,
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion)).WithTriviaFrom(literal)))),
            nameof(FixScopeNameFix)), diagnostic);
    }
}
