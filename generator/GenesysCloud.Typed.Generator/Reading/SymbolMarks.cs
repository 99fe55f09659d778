using System.Collections.Generic;
using GenesysCloud.Typed.Generator.Model;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Reading;

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
