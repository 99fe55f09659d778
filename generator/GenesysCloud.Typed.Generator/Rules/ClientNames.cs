using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>The name of the client class nested in a [GenesysApi] interface.</summary>
internal static class ClientNames
{
    /// <summary>The nested client class's name: "GenesysClient" unless a member of the interface, of a base interface or
    /// the interface itself already uses it.</summary>
    public const string Default = "GenesysClient";

    /// <summary>The name of the client class generated into <paramref name="api"/>: a nested type may not share its name with
    /// a member of the interface (CS0102), hide a base interface's member without 'new' (CS0108), or be named like the
    /// interface (CS0542). The same rule run on a base [GenesysApi] interface tells whether this client hides that one's.</summary>
    /// <param name="readTypes">Every type of the signatures of the interface's abstract methods, each once (the reader's
    /// table), so those methods are not walked again; null to walk every member.</param>
    public static string Of(INamedTypeSymbol api, IReadOnlyList<ITypeSymbol>? readTypes = null)
    {
        var name = Default;
        for (var i = 1; IsTaken(name); i++) name = Default + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return name;

        // Looked up by name (GetMembers(name) includes nested types), not by listing every member: this runs on every compilation.
        bool IsTaken(string candidate)
        {
            if (api.Name == candidate || !api.GetMembers(candidate).IsEmpty) return true;
            foreach (var type in api.AllInterfaces)
                if (!type.GetMembers(candidate).IsEmpty) return true;
            // A name written anywhere in the interface's declarations (a type, an alias, a qualifier, an attribute argument,
            // a default value, a helper's body): inside the interface a nested class of that name would be found first and
            // take its place. Read from the text (a name in a comment only costs the client a suffix); the signatures' types
            // are also read as symbols, for a name spelled with escapes.
            foreach (var reference in api.DeclaringSyntaxReferences)
                if (TextContains(reference.SyntaxTree, reference.Span, candidate)) return true;
            var mentions = new SignatureNames(candidate);
            if (readTypes is not null)
                foreach (var type in readTypes)
                    if (mentions.In(type)) return true;
            foreach (var member in api.GetMembers())
            {
                switch (member)
                {
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, IsAbstract: true } when readTypes is not null:
                        break;
                    case IMethodSymbol method:
                        if (mentions.In(method.ReturnType)) return true;
                        foreach (var parameter in method.Parameters)
                            if (mentions.In(parameter.Type)) return true;
                        break;
                    case IPropertySymbol property:
                        if (mentions.In(property.Type)) return true;
                        foreach (var parameter in property.Parameters)
                            if (mentions.In(parameter.Type)) return true;
                        break;
                    case IEventSymbol @event:
                        if (mentions.In(@event.Type)) return true;
                        break;
                }
            }
            return false;
        }
    }

    /// <summary><paramref name="value"/> occurs in <paramref name="span"/> of <paramref name="tree"/>'s text, read in chunks
    /// (the declaration of a large interface is never copied into one string). Remembered per tree: a tree's text never
    /// changes, and an edit elsewhere leaves the interface's tree the same object.</summary>
    private static bool TextContains(SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span, string value)
    {
        var answers = TextAnswers.GetValue(tree, _ => new System.Collections.Concurrent.ConcurrentDictionary<(int, int, string), bool>());
        if (answers.TryGetValue((span.Start, span.Length, value), out var known)) return known;
        return answers[(span.Start, span.Length, value)] = Search(tree.GetText(), span, value);

        static bool Search(Microsoft.CodeAnalysis.Text.SourceText text, Microsoft.CodeAnalysis.Text.TextSpan span, string value)
        {
            if (span.Length < value.Length) return false;
            var buffer = new char[System.Math.Min(span.Length, 4096)];
            for (var start = span.Start; ; start += buffer.Length - value.Length + 1)
            {
                var count = System.Math.Min(buffer.Length, span.End - start);
                text.CopyTo(start, buffer, 0, count);
                if (System.MemoryExtensions.IndexOf(new System.ReadOnlySpan<char>(buffer, 0, count), System.MemoryExtensions.AsSpan(value), System.StringComparison.Ordinal) >= 0) return true;
                if (start + count >= span.End) return false;
            }
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxTree, System.Collections.Concurrent.ConcurrentDictionary<(int, int, string), bool>> TextAnswers = new();

    /// <summary>Whether a type as written in a signature uses a name: the type, a type argument or element, a containing
    /// type, or a namespace that holds it. Each type definition's chain of names is read once (signatures repeat types).</summary>
    private sealed class SignatureNames
    {
        private readonly string _name;
        private readonly HashSet<ISymbol> _read = new(SymbolEqualityComparer.Default);

        public SignatureNames(string name) => _name = name;

        public bool In(ITypeSymbol type)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return In(array.ElementType);
                case IPointerTypeSymbol pointer:
                    return In(pointer.PointedAtType);
                case INamedTypeSymbol named:
                    if (_read.Add(named.OriginalDefinition))
                    {
                        for (ISymbol? outer = named; outer is not null and not INamespaceSymbol { IsGlobalNamespace: true }; outer = outer.ContainingSymbol)
                            if (outer.Name == _name) return true;
                    }
                    foreach (var argument in named.TypeArguments)
                        if (In(argument)) return true;
                    return false;
                default:
                    return type.Name == _name;
            }
        }
    }
}
