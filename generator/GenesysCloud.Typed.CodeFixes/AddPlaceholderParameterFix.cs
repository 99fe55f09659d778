using GenesysCloud.Typed.Generator.Analyzers;
using GenesysCloud.Typed.Generator.Diagnostics;

namespace GenesysCloud.Typed.CodeFixes;

/// <summary>GCT0106: adds a <c>string</c> parameter named after the route placeholder, first in the list.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPlaceholderParameterFix)), Shared]
public sealed class AddPlaceholderParameterFix() : GenesysCodeFix(Descriptors.PlaceholderWithoutParameter)
{
    internal override Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (!diagnostic.Properties.TryGetValue(ContractAnalyzer.PlaceholderKey, out var name) || name is null ||
            node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
            return Task.CompletedTask;
        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name))
            .WithType(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.StringKeyword)).WithTrailingTrivia(SyntaxFactory.Space));
        var list = method.ParameterList.WithParameters(method.ParameterList.Parameters.Insert(0, parameter));
        Offer(context, diagnostic, $"Add the parameter 'string {name}'", nameof(AddPlaceholderParameterFix), root, method, method.WithParameterList(list));
        return Task.CompletedTask;
    }
}
