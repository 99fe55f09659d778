using System.Collections.Immutable;
using System.Linq;
using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Reading;
using GenesysCloud.Typed.Generator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Analyzers;

/// <summary>GCT0101–GCT0136: everything in a [GenesysApi] declaration the generator cannot turn into a correct client.
/// It reports the problems of the same classification the generator emits from (<see cref="ApiRules.Classify"/>), so
/// every throwing stub has an error here that says why, at the place to fix.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractAnalyzer : GenesysAnalyzer
{
    /// <summary>Diagnostic property: the placeholder that needs a parameter (for the code fix).</summary>
    public const string PlaceholderKey = EndpointClassifier.PlaceholderKey;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.NotPartial, Descriptors.NotAnInterface, Descriptors.CannotExtend, Descriptors.NoHttpMethod, Descriptors.BadRoute,
        Descriptors.PlaceholderWithoutParameter, Descriptors.UnboundParameter, Descriptors.BoundTwice, Descriptors.TooManyBodies,
        Descriptors.TooManyCancellationTokens, Descriptors.BodyNotAllowed, Descriptors.UnsupportedReturn, Descriptors.PagingWithoutPagedReturn,
        Descriptors.GenericMethod, Descriptors.BadHeaderName, Descriptors.UnsupportedParameterType, Descriptors.NotAMethod,
        Descriptors.ByReference, Descriptors.ConflictingBindings, Descriptors.UnknownArgument, Descriptors.NotSerializable,
        Descriptors.MissingJsonContract, Descriptors.BadJsonContext, Descriptors.AsyncJobWithoutJobReturn, Descriptors.HeadWithResult,
        Descriptors.UnknownPagingStyle, Descriptors.PagedListingNotGet, Descriptors.BodyPagingNotPost, Descriptors.BodyPagingWithoutBody,
        Descriptors.BodyPagingBodyNotObject, Descriptors.JobWithoutAsyncJob, Descriptors.JobNotPost, Descriptors.PagingOnJob,
        Descriptors.JobWithoutItemsProperty, Descriptors.JobPathNotRoute, Descriptors.JobPathWithoutJobId);

    private protected override void Start(CompilationStartAnalysisContext start, KnownSymbols known) =>
        start.RegisterSymbolAction(symbol =>
        {
            var type = (INamedTypeSymbol)symbol.Symbol;
            if (!known.IsGenesysApi(type)) return;
            var declaration = type.Locations.FirstOrDefault(l => l.IsInSource && symbol.Compilation.ContainsSyntaxTree(l.SourceTree!)) ?? Location.None;
            foreach (var problem in ApiRules.Classify(type, known, symbol.CancellationToken).Problems)
                symbol.ReportDiagnostic(problem.ToDiagnostic(symbol.Compilation, declaration));
        }, SymbolKind.NamedType);
}
