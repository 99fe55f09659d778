using System.Collections.Generic;
using GenesysCloud.Typed.Generator.Model;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator;

/// <summary>Reads the markers that make a reference to a symbol report a diagnostic: [Obsolete] (CS0612/CS0618/CS0619, or
/// its own DiagnosticId), [Experimental("ID")] (error ID, also from the assembly or module) and
/// [RequiresPreviewFeatures] (CA2252). The generated code references exactly the types of the user's signatures, so it
/// must answer each: members that reference obsolete or preview symbols get the same marker, and the diagnostic IDs of
/// experimental APIs (and custom obsolete IDs) are disabled by #pragma in the generated file.</summary>
internal sealed class SymbolMarks
{
    private readonly KnownSymbols _known;
    private readonly SortedSet<string> _diagnosticIds;
    private readonly HashSet<ISymbol> _seen = new(SymbolEqualityComparer.Default);

    /// <param name="diagnosticIds">Receives every experimental / custom obsolete diagnostic ID met (shared per interface).</param>
    public SymbolMarks(KnownSymbols known, SortedSet<string> diagnosticIds)
    {
        _known = known;
        _diagnosticIds = diagnosticIds;
    }

    public bool Obsolete { get; private set; }
    public bool Preview { get; private set; }
    public Marks Marks => Obsolete || Preview ? new Marks(Obsolete, Preview) : Marks.None;

    /// <summary>The marks of a type as written in a signature: itself, its containing types, type arguments, array
    /// elements, and the assembly and module it comes from.</summary>
    public static Marks Of(ITypeSymbol type, KnownSymbols known, SortedSet<string> diagnosticIds) => new SymbolMarks(known, diagnosticIds).Type(type).Marks;

    public SymbolMarks Type(ITypeSymbol? type)
    {
        switch (type)
        {
            case null:
                return this;
            case IArrayTypeSymbol array:
                return Type(array.ElementType);
            case IPointerTypeSymbol pointer:
                return Type(pointer.PointedAtType);
            case INamedTypeSymbol named:
                if (!_seen.Add(named)) return this;
                Symbol(named.OriginalDefinition);
                foreach (var argument in named.TypeArguments) Type(argument);
                return this;
            default:
                return this;
        }
    }

    /// <summary>A symbol and everything that contains it (types, module, assembly).</summary>
    public SymbolMarks Symbol(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            Read(current);
            if (current is INamedTypeSymbol && current.ContainingType is null)
            {
                if (current.ContainingModule is { } module) Read(module);
                if (current.ContainingAssembly is { } assembly) Read(assembly);
                break;
            }
        }
        return this;
    }

    /// <summary>Only this symbol's own attributes (an enum member, say, whose type is read separately).</summary>
    public SymbolMarks Own(ISymbol symbol)
    {
        Read(symbol);
        return this;
    }

    private void Read(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (KnownSymbols.Is(type, _known.Obsolete))
            {
                Obsolete = true;
                foreach (var named in attribute.NamedArguments)
                    if (named.Key == "DiagnosticId" && named.Value.Value is string obsoleteId) AddId(obsoleteId);
            }
            else if (KnownSymbols.Is(type, _known.Experimental))
            {
                // Only an ID that a pragma accepts can be disabled here (see IsPragmaId).
                if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string experimentalId) AddId(experimentalId);
            }
            else if (KnownSymbols.Is(type, _known.RequiresPreviewFeatures))
            {
                Preview = true;
                AddId("CA2252");
            }
        }
    }

    private void AddId(string id)
    {
        if (IsPragmaId(id)) _diagnosticIds.Add(id);
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
