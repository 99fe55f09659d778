using GenesysCloud.Typed.Generator.Emit;
using GenesysCloud.Typed.Generator.Model;
using GenesysCloud.Typed.Generator.Reading;
using GenesysCloud.Typed.Generator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenesysCloud.Typed.Generator;

/// <summary>[GenesysApi] partial interfaces → typed clients. One ForAttributeWithMetadataName whose transform reads the
/// interface's symbols into equatable facts; the rules make the model from the facts, the emitter the source from the
/// model. A keystroke elsewhere re-runs only the read. Reports no diagnostics (the analyzers do).</summary>
[Generator(LanguageNames.CSharp)]
public sealed class ApiGenerator : IIncrementalGenerator
{
    public const string FactsStep = "GenesysApiFacts";
    public const string ModelStep = "GenesysApiModel";
    public const string HintsStep = "GenesysApiHints";

    /// <summary>Every step this generator names, for the incremental tests.</summary>
    public static readonly string[] Steps = [FactsStep, ModelStep, HintsStep];

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // On every compilation only the symbols are read (facts); the rules and the emitter run when the facts change.
        var facts = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.GenesysApi,
                predicate: static (node, _) => node is InterfaceDeclarationSyntax,
                transform: static (ctx, ct) => Parser.Parse(ctx, ct))
            .Where(static facts => facts is not null)
            .Select(static (facts, _) => facts!)
            .WithTrackingName(FactsStep);
        var models = facts
            .Select(static (facts, _) => ApiRules.Build(facts))
            .WithTrackingName(ModelStep);

        // Hint names must differ ignoring case (CS8785 otherwise): each output sees every interface's (name, hint) pair,
        // an equatable value that changes only when an interface is added, removed or renamed.
        var hints = models
            .Select(static (model, _) => new HintNames.Entry(model.FullyQualifiedName, HintNames.Natural(model.FullyQualifiedName)))
            .Collect()
            .Select(static (entries, _) => System.Linq.Enumerable.OrderBy(entries, e => e.FullName, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(HintsStep);

        context.RegisterSourceOutput(models.Combine(hints), static (spc, pair) =>
        {
            spc.CancellationToken.ThrowIfCancellationRequested();
            spc.AddSource(HintNames.Unique(pair.Left.FullyQualifiedName, HintNames.Natural(pair.Left.FullyQualifiedName), pair.Right), Emitter.Emit(pair.Left));
        });
    }
}
