using GenesysCloud.Typed.Generator.Diagnostics;

namespace GenesysCloud.Typed.CodeFixes;

/// <summary>GCT0201: replaces a route Genesys's API document does not have with the nearest documented one. Fix All
/// applies each diagnostic's own suggestion (the batch fixer of <see cref="GenesysCodeFix"/>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseDocumentedRouteFix)), Shared]
public sealed class UseDocumentedRouteFix() : GenesysCodeFix(Descriptors.UndocumentedEndpoint)
{
    internal override Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (!diagnostic.Properties.TryGetValue(DocumentAnalyzer.DocumentedRouteKey, out var route) || route is null ||
            node.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault() is not { } literal)
            return Task.CompletedTask;
        Offer(context, diagnostic, $"Use the documented route {route}", nameof(UseDocumentedRouteFix), root, literal,
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(route)).WithTriviaFrom(literal));
        return Task.CompletedTask;
    }
}
