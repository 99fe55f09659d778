using System.Collections.Immutable;

namespace GenesysCloud.Typed.CodeFixes;

/// <summary>What every fix shares: it fixes the diagnostic of one descriptor (its ID comes from the descriptor, never a
/// literal), reads the document's root and the node the diagnostic spans, and offers replacements of one node.</summary>
public abstract class GenesysCodeFix : CodeFixProvider
{
    internal GenesysCodeFix(DiagnosticDescriptor descriptor) => FixableDiagnosticIds = ImmutableArray.Create(descriptor.Id);

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        await RegisterAsync(context, context.Diagnostics.First(), root, root.FindNode(context.Span)).ConfigureAwait(false);
    }

    /// <summary>Offers this fix's actions for <paramref name="diagnostic"/>, found at <paramref name="node"/>.</summary>
    internal abstract Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode node);

    /// <summary>Offers replacing <paramref name="old"/> with <paramref name="replacement"/> in the diagnostic's document.</summary>
    internal static void Offer(CodeFixContext context, Diagnostic diagnostic, string title, string key, SyntaxNode root, SyntaxNode old, SyntaxNode replacement) =>
        context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(old, replacement))), key), diagnostic);
}
