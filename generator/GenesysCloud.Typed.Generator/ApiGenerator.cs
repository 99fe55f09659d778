using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenesysCloud.Typed.Generator;

/// <summary>[GenesysApi] partial interfaces → typed clients. One ForAttributeWithMetadataName; the transform builds an
/// equatable model, so keystrokes elsewhere re-run nothing after it. Reports no diagnostics (the analyzers do).</summary>
[Generator(LanguageNames.CSharp)]
public sealed class ApiGenerator : IIncrementalGenerator
{
    public const string ModelStep = "GenesysApiModel";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.GenesysApi,
                predicate: static (node, _) => node is InterfaceDeclarationSyntax,
                transform: static (ctx, ct) => Parser.Parse(ctx, ct))
            .Where(static model => model is not null)
            .WithTrackingName(ModelStep);

        context.RegisterSourceOutput(models, static (spc, model) =>
        {
            spc.CancellationToken.ThrowIfCancellationRequested();
            spc.AddSource(model!.HintName, Emitter.Emit(model));
        });
    }
}
