using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenesysCloud.Typed.CodeFixes;

/// <summary>GCT0101: adds <c>partial</c> to the interface.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialFix)), Shared]
public sealed class AddPartialFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("GCT0101");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<InterfaceDeclarationSyntax>() is not { } declaration) return;
        context.RegisterCodeFix(CodeAction.Create("Make the interface partial", _ =>
        {
            // partial goes last among the modifiers ("public partial interface").
            var updated = declaration.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
            if (declaration.Modifiers.Count == 0)
                updated = declaration.WithoutLeadingTrivia()
                    .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)))
                    .WithLeadingTrivia(declaration.GetLeadingTrivia());
            return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(declaration, updated)));
        }, nameof(AddPartialFix)), context.Diagnostics.First());
    }
}
