using GenesysCloud.Typed.Generator.Analyzers;
using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Reading;

namespace GenesysCloud.Typed.CodeFixes;

/// <summary>GCT0001: grants the narrowest sufficient scope (the <c>:readonly</c> one for a read) by adding it to
/// <c>[assembly: GrantedScopes]</c>, wherever that attribute is in the project.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddGrantedScopeFix)), Shared]
public sealed class AddGrantedScopeFix() : GenesysCodeFix(Descriptors.MissingScope)
{
    public override FixAllProvider? GetFixAllProvider() => null;   // each fix edits the same attribute

    internal override Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (!diagnostic.Properties.TryGetValue(ScopeAnalyzer.SuggestedScopeKey, out var scope) || scope is null) return Task.CompletedTask;
        context.RegisterCodeFix(CodeAction.Create($"Grant the scope '{scope}'",
            ct => AddAsync(context.Document.Project.Solution, context.Document.Project, scope, ct), nameof(AddGrantedScopeFix) + scope), diagnostic);
        return Task.CompletedTask;
    }

    private static async Task<Solution> AddAsync(Solution solution, Project project, string scope, CancellationToken cancellationToken)
    {
        foreach (var document in project.Documents)
        {
            if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root) continue;
            var lists = root.AttributeLists.Where(l => l.Target?.Identifier.IsKind(SyntaxKind.AssemblyKeyword) == true).ToList();
            if (lists.Count == 0) continue;
            // [assembly: GrantedScopes] by symbol: aliases and full names count, look-alikes from elsewhere do not.
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model is null) continue;
            var granted = KnownSymbols.Of(model.Compilation).GrantedScopes;
            var attribute = lists.SelectMany(l => l.Attributes)
                .FirstOrDefault(a => KnownSymbols.Is(model.GetSymbolInfo(a, cancellationToken).Symbol?.ContainingType, granted));
            if (attribute is null) continue;
            var argument = SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(scope)));
            var arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            var updated = attribute.WithArgumentList(arguments.AddArguments(argument));
            return solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(attribute, updated));
        }
        return solution;
    }
}
