using GenesysCloud.Typed.Generator.Diagnostics;

namespace GenesysCloud.Typed.CodeFixes;

/// <summary>GCT0206: makes the endpoint require the scopes Genesys's API document lists for it: the method's own
/// [RequiresScope] gets the document's scopes, and a method that inherits its interface's gets a [RequiresScope] of its own.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseDocumentScopesFix)), Shared]
public sealed class UseDocumentScopesFix() : GenesysCodeFix(Descriptors.ScopesDiffer)
{
    internal override Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (!diagnostic.Properties.TryGetValue(DocumentAnalyzer.DocumentScopesKey, out var joined) || string.IsNullOrEmpty(joined))
            return Task.CompletedTask;
        var scopes = joined!.Split(',');
        var arguments = SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(scopes.Select(s =>
            SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(s))))));
        var title = $"Require the document's scopes {string.Join(", ", scopes)}";
        if (node.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute)
        {
            Offer(context, diagnostic, title, nameof(UseDocumentScopesFix), root, attribute, attribute.WithArgumentList(arguments.WithTriviaFrom(attribute.ArgumentList ?? arguments)));
            return Task.CompletedTask;
        }
        if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method) return Task.CompletedTask;
        var eol = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } found && found.IsKind(SyntaxKind.EndOfLineTrivia)
            ? found
            : SyntaxFactory.EndOfLine("\n");
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("RequiresScope"), arguments)))
            .WithLeadingTrivia(method.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
            .WithTrailingTrivia(eol);
        Offer(context, diagnostic, title, nameof(UseDocumentScopesFix), root, method, method.WithAttributeLists(method.AttributeLists.Add(list)));
        return Task.CompletedTask;
    }
}
