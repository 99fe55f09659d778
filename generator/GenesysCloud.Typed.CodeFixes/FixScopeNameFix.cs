using GenesysCloud.Typed.Generator.Analyzers;
using GenesysCloud.Typed.Generator.Diagnostics;

namespace GenesysCloud.Typed.CodeFixes;

/// <summary>GCT0002: replaces an unknown scope with the known one it most likely meant.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FixScopeNameFix)), Shared]
public sealed class FixScopeNameFix() : GenesysCodeFix(Descriptors.UnknownScope)
{
    internal override Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (!diagnostic.Properties.TryGetValue(ScopeAnalyzer.DidYouMeanKey, out var suggestion) || suggestion is null ||
            node.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault() is not { } literal)
            return Task.CompletedTask;
        Offer(context, diagnostic, $"Use '{suggestion}'", nameof(FixScopeNameFix), root, literal,
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion)).WithTriviaFrom(literal));
        return Task.CompletedTask;
    }
}
