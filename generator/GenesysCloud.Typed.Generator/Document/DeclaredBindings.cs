using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using GenesysCloud.Typed.Generator.Reading;

namespace GenesysCloud.Typed.Generator.Document;

/// <summary>What an endpoint method sends besides its route, read from its parameters by the rules the generator binds
/// them with: [Query] (its name, else the parameter's), [Header("name")], [Body]; a CancellationToken is the call's.</summary>
internal sealed class DeclaredBindings
{
    public List<(string Name, IParameterSymbol Parameter)> Query { get; } = new();
    public List<(string Name, IParameterSymbol Parameter)> Headers { get; } = new();
    public IParameterSymbol? Body { get; private set; }

    public static DeclaredBindings Of(IMethodSymbol method, KnownSymbols known)
    {
        var bindings = new DeclaredBindings();
        foreach (var parameter in method.Parameters)
        {
            if (KnownSymbols.Find(parameter, known.Query) is { } query)
            {
                var name = query.ConstructorArguments.Length == 1 && query.ConstructorArguments[0].Value is string { Length: > 0 } named ? named : parameter.Name;
                bindings.Query.Add((name, parameter));
            }
            else if (KnownSymbols.Find(parameter, known.Header) is { } header)
            {
                if (header.ConstructorArguments.Length == 1 && header.ConstructorArguments[0].Value is string { Length: > 0 } name) bindings.Headers.Add((name, parameter));
            }
            else if (KnownSymbols.Has(parameter, known.Body))
            {
                bindings.Body ??= parameter;
            }
        }
        return bindings;
    }
}
