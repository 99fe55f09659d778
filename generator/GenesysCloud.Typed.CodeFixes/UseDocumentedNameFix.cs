using GenesysCloud.Typed.Generator.Reading;
using GenesysCloud.Typed.Generator.Diagnostics;

namespace GenesysCloud.Typed.CodeFixes;

/// <summary>GCT0203 / GCT0204: sends the query parameter or header under the name Genesys's API document has, when one is
/// near the name written: <c>[Query("expnd")]</c> → <c>[Query("expand")]</c>, <c>[Query] string expnd</c> →
/// <c>[Query("expand")] string expnd</c> (the C# name stays), <c>[Header("X-Request-Tags")]</c> → <c>[Header("X-Request-Tag")]</c>.</summary>
public abstract class UseDocumentedNameFix : GenesysCodeFix
{
    private protected UseDocumentedNameFix(DiagnosticDescriptor descriptor) : base(descriptor) { }

    internal override async Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (!diagnostic.Properties.TryGetValue(DocumentAnalyzer.DocumentedNameKey, out var name) || name is null ||
            node.FirstAncestorOrSelf<ParameterSyntax>() is not { } parameter)
            return;
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null) return;
        var known = KnownSymbols.Of(model.Compilation);
        var wanted = diagnostic.Id == Descriptors.UndocumentedHeader.Id ? known.Header : known.Query;
        var attribute = parameter.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a =>
            KnownSymbols.Is(model.GetSymbolInfo(a, context.CancellationToken).Symbol?.ContainingType, wanted));
        if (attribute is null) return;

        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name));
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        AttributeSyntax updated;
        if (arguments.Count > 0 && arguments[0].NameEquals is null && arguments[0].NameColon is null)
            updated = attribute.ReplaceNode(arguments[0].Expression, literal.WithTriviaFrom(arguments[0].Expression));
        else
            updated = attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(arguments.Insert(0, SyntaxFactory.AttributeArgument(literal))));
        Offer(context, diagnostic, $"Use the documented name '{name}'", GetType().Name, root, attribute, updated);
    }
}

/// <summary>GCT0203: the documented query parameter name.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseDocumentedQueryNameFix)), Shared]
public sealed class UseDocumentedQueryNameFix() : UseDocumentedNameFix(Descriptors.UndocumentedQuery);

/// <summary>GCT0204: the documented header name.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseDocumentedHeaderNameFix)), Shared]
public sealed class UseDocumentedHeaderNameFix() : UseDocumentedNameFix(Descriptors.UndocumentedHeader);
