using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Reading;
using GenesysCloud.Typed.Generator.Rules;

namespace GenesysCloud.Typed.CodeFixes;

/// <summary>GCT0004: infers <c>[RequiresScope]</c> from the route's area: <c>/api/v2/users/…</c> needs <c>users</c>, and a
/// read also accepts <c>users:readonly</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRequiresScopeFix)), Shared]
public sealed class AddRequiresScopeFix() : GenesysCodeFix(Descriptors.NoRequiredScope)
{
    internal override async Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method || model?.GetDeclaredSymbol(method, context.CancellationToken) is not { } symbol)
            return;
        var facts = EndpointFacts.Read(symbol, KnownSymbols.Of(model.Compilation));
        var area = AreaOf(facts.Route);
        if (area is null || !KnownScopes.IsKnown(area)) return;
        var scopes = Writes.IsWrite(facts) ? new[] { area } : new[] { area, area + ":readonly" };
        var attribute = SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("RequiresScope"), SyntaxFactory.AttributeArgumentList(
            SyntaxFactory.SeparatedList(scopes.Select(s => SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(s)))))));
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithLeadingTrivia(method.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
            .WithTrailingTrivia(EndOfLineOf(root));
        Offer(context, diagnostic, $"Require the scope{(scopes.Length > 1 ? "s" : "")} {string.Join(" or ", scopes)}", nameof(AddRequiresScopeFix), root, method,
            method.WithAttributeLists(method.AttributeLists.Add(list)));
    }

    /// <summary>The document's own line ending, so the fix does not mix LF and CRLF.</summary>
    private static SyntaxTrivia EndOfLineOf(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } eol && eol.IsKind(SyntaxKind.EndOfLineTrivia)
            ? eol
            : SyntaxFactory.EndOfLine("\n");

    /// <summary>"/api/v2/users/{id}" → "users".</summary>
    private static string? AreaOf(string? route)
    {
        var segments = (route ?? "").Split(new[] { '/' }, System.StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 3 && segments[0] == "api" && segments[1] == "v2" && !segments[2].StartsWith("{") ? segments[2] : null;
    }
}
