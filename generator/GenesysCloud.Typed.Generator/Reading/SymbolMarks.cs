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
    private readonly MarkContext _context;

    public SymbolMarks(MarkContext context) => _context = context;

    public bool Obsolete { get; private set; }
    public bool Preview { get; private set; }
    public Marks Marks => Obsolete || Preview ? new Marks(Obsolete, Preview) : Marks.None;

    /// <summary>The marks of a type as written in a signature: itself, its containing types, type arguments, array
    /// elements, and the assembly and module it comes from.</summary>
    public static Marks Of(ITypeSymbol type, MarkContext context) => context.TypeMarks(type);

    /// <summary>Adds the marks of a type as written in a signature (read once per type per interface).</summary>
    public SymbolMarks Type(ITypeSymbol? type)
    {
        return type is null ? this : Add(_context.TypeMarks(type));
    }

    /// <summary>Adds marks already read (a type's, from the reader's table).</summary>
    public SymbolMarks Add(Marks marks) => Add((marks.Obsolete, marks.Preview));

    private SymbolMarks Add((bool Obsolete, bool Preview) marks)
    {
        Obsolete |= marks.Obsolete;
        Preview |= marks.Preview;
        return this;
    }

    /// <summary>Walks a type: itself, its containing types, module and assembly, and (each read once per interface, so
    /// no walk repeats) its type arguments and array elements.</summary>
    internal SymbolMarks Walk(ITypeSymbol? type)
    {
        switch (type)
        {
            case null:
                return this;
            case IArrayTypeSymbol array:
                return Add(_context.TypeMarks(array.ElementType));
            case IPointerTypeSymbol pointer:
                return Add(_context.TypeMarks(pointer.PointedAtType));
            case INamedTypeSymbol named:
                Symbol(named.OriginalDefinition);
                foreach (var argument in named.TypeArguments) Add(_context.TypeMarks(argument));
                // Outer<User>.Inner names User too.
                if (named.ContainingType is { IsGenericType: true } outer) Add(_context.TypeMarks(outer));
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
            Own(current);
            if (current is INamedTypeSymbol && current.ContainingType is null)
            {
                if (current.ContainingModule is { } module) Own(module);
                if (current.ContainingAssembly is { } assembly) Own(assembly);
                break;
            }
        }
        return this;
    }

    /// <summary>An interface member's own attributes, read without the per-symbol cache: each member is met once, and its
    /// containing interface, module and assembly come with <see cref="Type"/> of the declaring interface.</summary>
    public SymbolMarks Member(ISymbol member) => Add(_context.Read(member));

    /// <summary>One attribute of an interface member, read in the caller's own pass over them (as <see cref="Member"/> reads all).</summary>
    public SymbolMarks Attribute(AttributeData attribute) => Add(_context.Read(attribute));

    /// <summary>Only this symbol's own attributes (an enum member, say, whose type is read separately).</summary>
    public SymbolMarks Own(ISymbol symbol) => Add(_context.Own(symbol));
}

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
