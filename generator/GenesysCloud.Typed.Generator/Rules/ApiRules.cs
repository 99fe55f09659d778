using System.Collections.Generic;
using System.Linq;
using System.Threading;
using GenesysCloud.Typed.Generator.Diagnostics;
using GenesysCloud.Typed.Generator.Model;
using GenesysCloud.Typed.Generator.Reading;
using GenesysCloud.Typed.Generator.Shared;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>The one entry point to the rules, shared by the generator and the analyzers. <see cref="Build"/> (the
/// generator, when the facts changed) applies <see cref="EndpointClassifier"/> to the facts alone and makes each method an
/// endpoint or a stub naming its problems. <see cref="Classify"/> (the contract analyzer) reads the same facts, applies the
/// same rules and returns every problem at its location. Never throws on broken input; an interface nothing can be
/// generated into (not partial, generic, nested in a non-partial type) has no model.</summary>
internal static class ApiRules
{
    /// <summary>What <see cref="Classify"/> found: the model (null when nothing can be generated) and the problems to
    /// report for this interface (members inherited from another [GenesysApi] interface are reported there).</summary>
    internal sealed class Classification
    {
        public ApiModel? Model { get; set; }
        public List<Problem> Problems { get; } = new();
    }

    /// <summary>The generator's step when the facts changed: the rules make each method an endpoint or a stub.</summary>
    public static ApiModel Build(InterfaceFacts facts) => Build(facts, out _)!;

    private static ApiModel? Build(InterfaceFacts facts, out List<List<Problem>?> problems)
    {
        var classifier = new EndpointClassifier(facts.Types, facts.JsonContext);
        var endpoints = new List<EndpointModel>(facts.Members.Count);
        var stubs = new List<StubModel>();
        problems = new List<List<Problem>?>(facts.Members.Count);
        foreach (var member in facts.Members)
        {
            if (member.Stub is not null)
            {
                stubs.Add(member.Stub);
                problems.Add(null);
                continue;
            }
            var method = member.Method!;
            var classified = classifier.Classify(method);
            problems.Add(classified.Problems);
            if (classified.Endpoint is not null) endpoints.Add(classified.Endpoint);
            else stubs.Add(MethodStub(method, facts.Types, classified.Problems));
        }
        return facts.Shell is null ? null : facts.Shell with { Endpoints = endpoints.ToEquatableArray(), Stubs = stubs.ToEquatableArray() };
    }

    /// <summary>The analyzers' view: the model and every problem, at its location.</summary>
    public static Classification Classify(INamedTypeSymbol api, KnownSymbols known, CancellationToken cancellationToken)
    {
        var result = new Classification();
        var reading = new InterfaceReading();
        var facts = InterfaceClassifier.Read(api, known, reading, cancellationToken);
        result.Problems.AddRange(reading.Problems);
        if (reading.Facts is null) return result;

        // The members are classified even when the interface's own problems stop the model.
        var model = Build(reading.Facts, out var memberProblems);
        for (var i = 0; i < reading.Members.Count; i++)
        {
            var (declaring, member, at, ownProblems) = reading.Members[i];
            var problems = ownProblems ?? SiteLocations.Resolve(memberProblems[i]!, (IMethodSymbol)member, at, known, reading.Json?.Context, cancellationToken);
            // Members of a base [GenesysApi] interface are reported where that interface is analyzed.
            var reportHere = !(member.IsAbstract && !SymbolEqualityComparer.Default.Equals(declaring, api) && known.IsGenesysApi(declaring));
            if (reportHere) result.Problems.AddRange(problems);
            else
            {
                // A base [GenesysApi] interface in this compilation reports its own members' problems; what depends on this
                // interface (its JsonContext) is reported here, on this interface, as is everything of a base compiled
                // elsewhere: either way this client stubs the member, so this build must say why.
                var compiledElsewhere = !declaring.Locations.Any(l => l.IsInSource);
                foreach (var problem in problems)
                    if (compiledElsewhere || problem.Descriptor == Descriptors.MissingJsonContract) result.Problems.Add(problem.At(reading.Declaration));
            }
        }
        result.Problems.AddRange(MemberRules.EndpointsNotImplemented(api, known, reading.Declaration));
        result.Model = facts is null ? null : model;
        return result;
    }

    private static StubModel MethodStub(MethodFacts method, EquatableArray<TypeFacts> types, List<Problem> problems)
    {
        var parameters = string.Join(", ", method.Parameters.Select(p => Signatures.Declaration(p, types[p.Type].Name)));
        if (method.IsVararg) parameters += parameters.Length == 0 ? "__arglist" : ", __arglist";
        return new StubModel(StubKind.Method, method.InterfaceName, Identifier.Escape(method.Name), method.RefReturn + types[method.ReturnType].Name,
            method.TypeParameters, parameters, method.Constraints, method.ReturnAttributes, false, false, false, Problem.Explain(problems), method.Marks);
    }
}
