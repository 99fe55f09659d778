using Microsoft.CodeAnalysis;
using GenesysCloud.Typed.Generator.Reading;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>TypeNames spells constructed generic types from their definition's spelling and their arguments' (Roslyn's
/// display of every construction was the dearest thing the generator's reader made). Whatever a signature holds, the
/// spelling must be exactly Roslyn's.</summary>
public sealed class TypesAreSpelledAsRoslynSpellsThem
{
    /// <summary>Type arguments and the generic types that take them; every pairing (and nesting) is spelled.</summary>
    private static readonly string[] Arguments =
    [
        "int", "int?", "string", "string?", "object?", "User", "User?", "User[]", "User?[]?", "(int a, string b)", "dynamic", "nint",
        "Outer.Inner<int>", "Outer.Inner<User?>", "@class<int>", "Outer2<int>.Nested", "System.Collections.Generic.KeyValuePair<string, int?>",
    ];

    private static readonly string[] Generics =
    [
        "Task<{0}>", "Task<{0}>?", "IAsyncEnumerable<{0}>", "List<{0}>", "List<{0}>?", "Dictionary<string, {0}>", "Dictionary<{0}, List<{0}?>?>",
        "System.Collections.Immutable.ImmutableArray<{0}>", "ValueTuple<{0}, int>", "Func<{0}, Task<{0}>>", "IEnumerable<List<{0}>[]>",
        "Outer.Inner<{0}>", "Outer2<{0}>.Nested", "Outer2<{0}>.Deep<{0}>", "@class<{0}>?",
    ];

    [Fact]
    public void Every_type_a_signature_can_hold_is_spelled_as_Roslyn_spells_it()
    {
        var members = new System.Text.StringBuilder();
        var count = 0;
        foreach (var generic in Generics)
            foreach (var argument in Arguments)
            {
                // "{0}?" of an argument that already has one ("int??") is no type.
                if (generic.Contains("{0}?") && argument.EndsWith("?")) continue;
                members.Append($"    {string.Format(generic, argument)} M{count++}();\n");
            }
        var source = $$"""
            #nullable enable
            using System; using System.Collections.Generic; using System.Threading.Tasks; using Contoso.Models;
            namespace N
            {
                public static class Outer { public sealed class Inner<T> { } }
                public sealed class Outer2<T> { public sealed class Nested { } public sealed class Deep<U> { } }
                public sealed class @class<T> { }
                public interface ISignatures
                {
            {{members}}
                }
            }
            """;
        var compilation = GeneratorHarness.Compile([Sources.Models, source]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var names = new TypeNames();
        var methods = compilation.GetTypeByMetadataName("N.ISignatures")!.GetMembers().OfType<IMethodSymbol>().ToList();
        Assert.Equal(count, methods.Count);
        Assert.True(count > 200, $"{count} signatures");
        foreach (var method in methods)
        {
            // Twice: the second answer comes from the cache.
            Assert.Equal(method.ReturnType.ToDisplayString(TypeText.Format), names.Of(method.ReturnType));
            Assert.Equal(method.ReturnType.ToDisplayString(TypeText.Format), names.Of(method.ReturnType));
        }
    }
}
