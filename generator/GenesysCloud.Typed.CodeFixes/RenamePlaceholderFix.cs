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

/// <summary>GCT0106: renames the route placeholder to a parameter that is bound to nothing yet (one fix per candidate),
/// for the common slip of <c>{userId}</c> in the route and <c>id</c> in the signature.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenamePlaceholderFix)), Shared]
public sealed class RenamePlaceholderFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("GCT0106");

    public override FixAllProvider? GetFixAllProvider() => null;   // which parameter is meant is a per-case choice

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics.First();
        if (!diagnostic.Properties.TryGetValue(ContractAnalyzer.PlaceholderKey, out var placeholder) || placeholder is null) return;
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method) return;
        var literal = root.FindNode(context.Span).DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault();
        if (literal?.Token.ValueText is not { } route) return;
        var placeholders = Route.Parse(route)?.Where(p => p.IsPlaceholder).Select(p => p.Text).ToList() ?? [];

        // Candidates: parameters with no binding attribute that are not already placeholders and not CancellationTokens.
        foreach (var parameter in method.ParameterList.Parameters)
        {
            var name = parameter.Identifier.ValueText;
            if (parameter.AttributeLists.Count > 0 || placeholders.Contains(name) || parameter.Type?.ToString().EndsWith("CancellationToken") == true) continue;
            context.RegisterCodeFix(CodeAction.Create($"Rename the placeholder {{{placeholder}}} to {{{name}}}", _ =>
            {
                var renamed = route.Replace("{" + placeholder + "}", "{" + name + "}");
                var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(renamed)).WithTriviaFrom(literal);
                return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement)));
            }, nameof(RenamePlaceholderFix) + name), diagnostic);
        }
    }
}
