using GenesysCloud.Typed.Generator.Diagnostics;

namespace GenesysCloud.Typed.CodeFixes;

/// <summary>GCT0101: adds <c>partial</c> to the interface.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialFix)), Shared]
public sealed class AddPartialFix() : GenesysCodeFix(Descriptors.NotPartial)
{
    internal override Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (node.FirstAncestorOrSelf<InterfaceDeclarationSyntax>() is not { } declaration) return Task.CompletedTask;
        // partial goes last among the modifiers ("public partial interface").
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        var updated = declaration.Modifiers.Count == 0
            ? declaration.WithoutLeadingTrivia().WithModifiers(SyntaxFactory.TokenList(partial)).WithLeadingTrivia(declaration.GetLeadingTrivia())
            : declaration.AddModifiers(partial);
        Offer(context, diagnostic, "Make the interface partial", nameof(AddPartialFix), root, declaration, updated);
        return Task.CompletedTask;
    }
}
