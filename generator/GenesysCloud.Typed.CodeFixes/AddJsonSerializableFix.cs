using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using GenesysCloud.Typed.Generator.Rules;
using GenesysCloud.Typed.Generator.Diagnostics;

namespace GenesysCloud.Typed.CodeFixes;

/// <summary>GCT0122: adds <c>[JsonSerializable(typeof(T))]</c> for the missing model to the interface's JsonContext, in
/// whichever document of the project declares it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddJsonSerializableFix)), Shared]
public sealed class AddJsonSerializableFix() : GenesysCodeFix(Descriptors.MissingJsonContract)
{
    internal override Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (!diagnostic.Properties.TryGetValue(JsonContract.TypeKey, out var type) || type is null ||
            diagnostic.AdditionalLocations.FirstOrDefault() is not { SourceTree: { } tree } contextAt ||
            context.Document.Project.GetDocument(tree) is not { } document)
            return Task.CompletedTask;
        var title = $"Add [JsonSerializable(typeof({type.Replace("global::", "")}))] to the JsonContext";
        context.RegisterCodeFix(CodeAction.Create(title, ct => AddAsync(document, contextAt, type, ct), nameof(AddJsonSerializableFix) + type), diagnostic);
        return Task.CompletedTask;
    }

    private static async Task<Solution> AddAsync(Document document, Location contextAt, string type, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(contextAt.SourceSpan).FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration) return document.Project.Solution;
        var attribute = SyntaxFactory.Attribute(SyntaxFactory.ParseName("global::System.Text.Json.Serialization.JsonSerializable"),
            SyntaxFactory.ParseAttributeArgumentList($"(typeof({type}))"));
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        // After the context's last attribute (or first, before its modifiers), with the declaration's own indentation.
        var updated = declaration.WithAttributeLists(declaration.AttributeLists.Add(list));
        var newRoot = root.ReplaceNode(declaration, updated);
        var result = document.WithSyntaxRoot(newRoot);
        result = await Simplifier.ReduceAsync(result, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        result = await Formatter.FormatAsync(result, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.Project.Solution;
    }
}
