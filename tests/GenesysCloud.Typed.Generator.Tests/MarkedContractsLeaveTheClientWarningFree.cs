using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>[Obsolete] (every level, and with its own DiagnosticId), [Experimental("ID")] and [RequiresPreviewFeatures] on
/// anything the generated client references — models, body types, paged item types, enums, enum members, a containing
/// type, the interface, the endpoint — never make the generated file warn or fail, on net8.0 and net10.0. The user's
/// own source marks its endpoints the way it must to compile itself.</summary>
public sealed class MarkedContractsLeaveTheClientWarningFree
{
    private static readonly Dictionary<string, string> Markers = new()
    {
        ["Obsolete"] = "[System.Obsolete]",
        ["ObsoleteMessage"] = "[System.Obsolete(\"Use something else.\")]",
        ["ObsoleteError"] = "[System.Obsolete(\"Gone.\", true)]",
        ["ObsoleteDiagnosticId"] = "[System.Obsolete(\"Going.\", DiagnosticId = \"OBS0042\")]",
        ["Experimental"] = "[System.Diagnostics.CodeAnalysis.Experimental(\"EXP0042\")]",
        ["Preview"] = "[System.Runtime.Versioning.RequiresPreviewFeatures]",
    };

    /// <summary>Where the marker goes, and which endpoints then reference the marked symbol (and so carry the marker too,
    /// as a user's code must).</summary>
    private static readonly Dictionary<string, string[]> Positions = new()
    {
        ["Model"] = ["Get", "Post"],
        ["Body"] = ["Post"],
        ["PagedItem"] = ["Items", "Pages"],
        ["Enum"] = ["Get", "Post"],
        ["EnumMember"] = [],
        ["ContainingType"] = ["Nested"],
        // A type argument of the generic type a result is nested in (Wrapper<Arg>.Inner names Arg).
        ["OuterTypeArgument"] = ["Wrapped"],
        ["Interface"] = [],
        ["Endpoint"] = ["Get", "Post", "Items", "Pages", "Nested", "Wrapped"],
    };

    public static TheoryData<string, string, GeneratorHarness.Target> Cases()
    {
        var data = new TheoryData<string, string, GeneratorHarness.Target>();
        foreach (var marker in Markers.Keys)
        foreach (var position in Positions.Keys)
        foreach (var target in new[] { GeneratorHarness.Target.Net80, GeneratorHarness.Target.Net100 })
            data.Add(marker, position, target);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Marked_symbols_in_the_contract_leave_the_generated_code_warning_free(string marker, string position, GeneratorHarness.Target target)
    {
        var source = Source(Markers[marker], position);
        var compilation = GeneratorHarness.Compile(source, target);
        var userProblems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(userProblems.Count == 0, "The test's own source does not compile cleanly:\n" + string.Join("\n", userProblems));

        var run = GeneratorHarness.RunGenerator(compilation);

        Assert.Null(run.Result.Exception);
        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var text = Assert.Single(run.Result.GeneratedSources).SourceText.ToString();
        Assert.DoesNotContain("has no generated implementation", text);
        if (marker == "Experimental") Assert.Contains("#pragma warning disable EXP0042", text);
        if (marker == "ObsoleteDiagnosticId") Assert.Contains("#pragma warning disable OBS0042", text);
        // A preview symbol is reported by the CA2252 analyzer, not the compiler: the generated members that reference one
        // carry the marker and the file disables CA2252.
        if (marker == "Preview" && position is not ("EnumMember" or "Interface"))
        {
            Assert.Contains("[global::System.Runtime.Versioning.RequiresPreviewFeatures]", text);
            Assert.Contains("CA2252", text);
        }
        if (marker.StartsWith("Obsolete") && position is not ("EnumMember" or "Interface"))
            Assert.Contains("[global::System.Obsolete]", text);
    }

    private static string Source(string marker, string position)
    {
        string At(string here) => position == here ? marker : "";
        string On(string endpoint) => Positions[position].Contains(endpoint) ? marker : "";
        return $$"""
            #nullable enable
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using GenesysCloud.Typed;

            namespace Marked
            {
                {{At("Model")}} public sealed class Model { public string Id { get; set; } = ""; }
                {{At("Body")}} public sealed class Body { public int Version { get; set; } }
                {{At("PagedItem")}} public sealed class Item { public int Version { get; set; } }
                {{At("Enum")}} public enum Kind { First, {{At("EnumMember")}} Second, Third = 7 }
                {{At("ContainingType")}} public static class Outer { public sealed class Nested { public int Version { get; set; } } }
                {{At("OuterTypeArgument")}} public sealed class Arg { }
                public sealed class Wrapper<T> { public sealed class Inner { public int Version { get; set; } } }

                [GenesysApi, RequiresScope("users")]
                {{At("Interface")}}
                public partial interface IMarkedApi
                {
                    {{On("Get")}}
                    [Get("/m/{kind}")]
                    Task<Model> GetAsync(Kind kind, [Query] Kind? sort, [Query] IEnumerable<Kind>? kinds, [Query(Format = QueryCollectionFormat.Csv)] Kind[]? csv, CancellationToken cancellationToken = default);

                    {{On("Post")}}
                    [Post("/b")]
                    Task<ApiResponse<Model>> PostAsync([Body] Body body, [Header("X-Kind")] Kind? kind, CancellationToken cancellationToken = default);

                    {{On("Items")}}
                    [Get("/i")]
                    IAsyncEnumerable<Item> ItemsAsync([Query] int pageSize = 25, CancellationToken cancellationToken = default);

                    {{On("Pages")}}
                    [Get("/p"), Paging(PagingStyle.Cursor)]
                    GenesysPageable<Item> PagesAsync(CancellationToken cancellationToken = default);

                    {{On("Nested")}}
                    [Get("/n")]
                    Task<Outer.Nested> NestedAsync(CancellationToken cancellationToken = default);

                    {{On("Wrapped")}}
                    [Get("/w")]
                    Task<Wrapper<Arg>.Inner> WrappedAsync(CancellationToken cancellationToken = default);

                    [Get("/u")]
                    Task UnmarkedAsync(CancellationToken cancellationToken = default);
                }
            }
            """;
    }
}
