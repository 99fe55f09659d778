using GenesysCloud.Typed.Generator.Diagnostics;

namespace GenesysCloud.Typed.CodeFixes;

/// <summary>GCT0005: adds <c>System.Threading.CancellationToken cancellationToken = default</c> as the last parameter.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCancellationTokenFix)), Shared]
public sealed class AddCancellationTokenFix() : GenesysCodeFix(Descriptors.NoCancellationToken)
{
    internal override Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method) return Task.CompletedTask;
        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier("cancellationToken"))
            .WithType(SyntaxFactory.ParseTypeName("System.Threading.CancellationToken").WithTrailingTrivia(SyntaxFactory.Space))
            .WithDefault(SyntaxFactory.EqualsValueClause(SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression, SyntaxFactory.Token(SyntaxKind.DefaultKeyword)))
                .WithEqualsToken(SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)));
        Offer(context, diagnostic, "Add a CancellationToken parameter", nameof(AddCancellationTokenFix), root, method,
            method.WithParameterList(method.ParameterList.AddParameters(parameter)));
        return Task.CompletedTask;
    }
}
