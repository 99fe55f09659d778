using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using GenesysCloud.Typed.Generator;
using GenesysCloud.Typed.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenesysCloud.Typed.CodeFixes;

/// <summary>GCT0004: infers <c>[RequiresScope]</c> from the route's area: <c>/api/v2/users/…</c> needs <c>users</c>, and a
/// read also accepts <c>users:readonly</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRequiresScopeFix)), Shared]
public sealed class AddRequiresScopeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("GCT0004");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics.First();
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method ||
            model?.GetDeclaredSymbol(method, context.CancellationToken) is not { } symbol)
            return;
        var facts = EndpointFacts.Read(symbol, KnownSymbols.Of(model.Compilation));
        var area = AreaOf(facts.Route);
        if (area is null || !KnownScopes.IsKnown(area)) return;
        var scopes = facts.IsWrite ? new[] { area } : new[] { area, area + ":readonly" };
        var attribute = SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("RequiresScope"), SyntaxFactory.AttributeArgumentList(
            SyntaxFactory.SeparatedList(scopes.Select(s => SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(s)))))));
        context.RegisterCodeFix(CodeAction.Create($"Require the scope{(scopes.Length > 1 ? "s" : "")} {string.Join(" or ", scopes)}", _ =>
        {
            var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
                .WithLeadingTrivia(method.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
                .WithTrailingTrivia(EndOfLineOf(root));
            var updated = method.WithAttributeLists(method.AttributeLists.Add(list));
            return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(method, updated)));
        }, nameof(AddRequiresScopeFix)), diagnostic);
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
