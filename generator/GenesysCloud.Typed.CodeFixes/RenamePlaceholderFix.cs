using GenesysCloud.Typed.Generator.Analyzers;
using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Rules;
using GenesysCloud.Typed.Generator.Model;

namespace GenesysCloud.Typed.CodeFixes;

/// <summary>GCT0106: renames the route placeholder to a parameter that is bound to nothing yet (one fix per candidate),
/// for the common slip of <c>{userId}</c> in the route and <c>id</c> in the signature.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenamePlaceholderFix)), Shared]
public sealed class RenamePlaceholderFix() : GenesysCodeFix(Descriptors.PlaceholderWithoutParameter)
{
    public override FixAllProvider? GetFixAllProvider() => null;   // which parameter is meant is a per-case choice

    internal override Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (!diagnostic.Properties.TryGetValue(ContractAnalyzer.PlaceholderKey, out var placeholder) || placeholder is null ||
            node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method ||
            node.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault() is not { Token.ValueText: { } route } literal)
            return Task.CompletedTask;
        var placeholders = RouteTemplate.Parse(route)?.Where(p => p.IsPlaceholder).Select(p => p.Text).ToList() ?? [];

        // Candidates: parameters with no binding attribute that are not already placeholders and not CancellationTokens.
        foreach (var parameter in method.ParameterList.Parameters)
        {
            var name = parameter.Identifier.ValueText;
            if (parameter.AttributeLists.Count > 0 || placeholders.Contains(name) || parameter.Type?.ToString().EndsWith("CancellationToken") == true) continue;
            var renamed = route.Replace("{" + placeholder + "}", "{" + name + "}");
            Offer(context, diagnostic, $"Rename the placeholder {{{placeholder}}} to {{{name}}}", nameof(RenamePlaceholderFix) + name, root, literal,
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(renamed)).WithTriviaFrom(literal));
        }
        return Task.CompletedTask;
    }
}
