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

/// <summary>GCT0106: adds a <c>string</c> parameter named after the route placeholder, first in the list.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPlaceholderParameterFix)), Shared]
public sealed class AddPlaceholderParameterFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("GCT0106");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics.First();
        if (!diagnostic.Properties.TryGetValue(ContractAnalyzer.PlaceholderKey, out var name) || name is null) return;
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method) return;
        context.RegisterCodeFix(CodeAction.Create($"Add the parameter 'string {name}'", _ =>
        {
            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name))
                .WithType(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.StringKeyword)).WithTrailingTrivia(SyntaxFactory.Space));
            var list = method.ParameterList.WithParameters(method.ParameterList.Parameters.Insert(0, parameter));
            return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(method, method.WithParameterList(list))));
        }, nameof(AddPlaceholderParameterFix)), diagnostic);
    }
}
