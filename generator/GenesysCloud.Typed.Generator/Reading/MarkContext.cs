using System.Collections.Generic;
using GenesysCloud.Typed.Generator.Model;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Reading;

/// <summary>What one parse shares between its <see cref="SymbolMarks"/>: the known attribute symbols, the diagnostic IDs met
/// so far, and each symbol's own markers read once (every signature repeats the same types, modules and assemblies).</summary>
internal sealed class MarkContext
{
    private readonly Dictionary<ISymbol, (bool Obsolete, bool Preview)> _own = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, Marks> _types = new(SymbolEqualityComparer.Default);

    /// <summary>What <see cref="ValueClassifier"/> made of each route/header and query parameter type, once per interface.
    /// Keyed with nullability (a collection's element type is spelled with it); the other differences this comparer
    /// ignores (tuple names, dynamic, nint) are never scalars, so they classify alike.</summary>
    public Dictionary<ITypeSymbol, ValueModel?> ScalarValues { get; } = new(SymbolEqualityComparer.IncludeNullability);
    public Dictionary<ITypeSymbol, ValueModel?> QueryValues { get; } = new(SymbolEqualityComparer.IncludeNullability);

    /// <summary>The marks of a type as written in a signature, walked once per interface.</summary>
    public Marks TypeMarks(ITypeSymbol type)
    {
        if (!_types.TryGetValue(type, out var marks)) _types[type] = marks = new SymbolMarks(this).Walk(type).Marks;
        return marks;
    }

    public MarkContext(KnownSymbols known, SortedSet<string> diagnosticIds)
    {
        Known = known;
        DiagnosticIds = diagnosticIds;
    }

    public KnownSymbols Known { get; }

    /// <summary>Every experimental / custom obsolete diagnostic ID met (shared per interface).</summary>
    public SortedSet<string> DiagnosticIds { get; }

    /// <summary>The markers on <paramref name="symbol"/> itself; its IDs are added to <see cref="DiagnosticIds"/>.</summary>
    public (bool Obsolete, bool Preview) Own(ISymbol symbol)
    {
        if (_own.TryGetValue(symbol, out var known)) return known;
        return _own[symbol] = Read(symbol);
    }

    /// <summary>The markers on <paramref name="symbol"/> itself, read now; its IDs are added to <see cref="DiagnosticIds"/>.</summary>
    public (bool Obsolete, bool Preview) Read(ISymbol symbol)
    {
        var obsolete = false;
        var preview = false;
        foreach (var attribute in symbol.GetAttributes())
        {
            var (o, p) = Read(attribute);
            obsolete |= o;
            preview |= p;
        }
        return (obsolete, preview);
    }

    /// <summary>The marker one attribute is, if any; its IDs are added to <see cref="DiagnosticIds"/>.</summary>
    public (bool Obsolete, bool Preview) Read(AttributeData attribute)
    {
        var type = attribute.AttributeClass;
        if (KnownSymbols.Is(type, Known.Obsolete))
        {
            foreach (var named in attribute.NamedArguments)
                if (named.Key == "DiagnosticId" && named.Value.Value is string obsoleteId) AddId(obsoleteId);
            return (true, false);
        }
        if (KnownSymbols.Is(type, Known.Experimental))
        {
            // Only an ID that a pragma accepts can be disabled here (see IsPragmaId).
            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string experimentalId) AddId(experimentalId);
            return (false, false);
        }
        if (KnownSymbols.Is(type, Known.RequiresPreviewFeatures))
        {
            AddId("CA2252");
            return (false, true);
        }
        return (false, false);
    }

    private void AddId(string id)
    {
        if (IsPragmaId(id)) DiagnosticIds.Add(id);
    }

    /// <summary>An ID that <c>#pragma warning disable</c> accepts: an identifier-like token.</summary>
    private static bool IsPragmaId(string id)
    {
        if (id.Length == 0 || !(char.IsLetter(id[0]) || id[0] == '_')) return false;
        foreach (var c in id)
            if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        return true;
    }
}
