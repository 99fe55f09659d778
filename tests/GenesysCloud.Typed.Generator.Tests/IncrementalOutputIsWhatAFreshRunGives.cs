using GenesysCloud.Typed.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The generator reads an interface's symbols into facts on every compilation and runs its rules and emitter only
/// when the facts change. That is sound only if the facts hold everything the output depends on. Each edit here is made in
/// another file than the interface's (the interface's tree stays the same object, as in the IDE) and changes what its
/// signatures mean; after every edit, and after undoing it, the incremental output must be exactly a fresh run's.</summary>
public sealed class IncrementalOutputIsWhatAFreshRunGives
{
    private const string Models = """
        namespace Contoso.Models
        {
            public sealed class User { public string Id { get; set; } = ""; }
            public sealed class Filter { public string? Query { get; set; } }
            public enum Color { Red, Green }
        }
        """;

    private const string Routes = """
        namespace Contoso.Genesys
        {
            public static class Routes { public const string User = "/api/v2/users/{userId}"; }
        }
        """;

    private const string Api = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Contoso.Models;
        using GenesysCloud.Typed;

        namespace Contoso.Genesys
        {
            [GenesysApi(JsonContext = typeof(AppJson))]
            public partial interface IUsersApi
            {
                [Get(Routes.User)]
                Task<User> GetAsync(string userId, [Query] Color color, [Header("X-Id")] Id id, CancellationToken ct = default);

                [Post("/api/v2/users/search"), Paging(PagingStyle.BodyPageNumber)]
                IAsyncEnumerable<User> SearchAsync([Body] Filter filter, CancellationToken ct = default);

                [Patch("/api/v2/users/{userId}")]
                Task<User> UpdateAsync(string userId, [Body] Filter body, [Query] IReadOnlyList<Color>? colors = null);
            }
        }
        """;

    private static readonly string Json =
        "using Contoso.Models;\nnamespace Contoso.Genesys\n{\n" +
        "[System.Text.Json.Serialization.JsonSerializable(typeof(User))]\n[System.Text.Json.Serialization.JsonSerializable(typeof(Filter))]\n" +
        JsonContextStandIn.Class() + "}\n";

    private const string Usings = "global using Id = System.String;";

    private const string Elsewhere = "namespace Contoso.App { public static class Worker { public static int Work(int x) => x + 1; } }";

    private static readonly string[] Files = [Models, Routes, Api, Json, Usings, Elsewhere];
    private const int ModelsFile = 0, RoutesFile = 1, JsonFile = 3, UsingsFile = 4, ElsewhereFile = 5;

    /// <summary>Edits of the other files, by the kind of fact each changes.</summary>
    public static TheoryData<string, int, string> Edits => new()
    {
        // Markers on a type the signatures use: the generated members carry [Obsolete], the file disables the IDs.
        { "obsolete model", ModelsFile, Models.Replace("public sealed class User", "[System.Obsolete] public sealed class User") },
        { "obsolete model with an ID", ModelsFile, Models.Replace("public sealed class User", "[System.Obsolete(\"old\", DiagnosticId = \"CT0001\")] public sealed class User") },
        { "experimental model", ModelsFile, Models.Replace("public sealed class User", "[System.Diagnostics.CodeAnalysis.Experimental(\"CT0002\")] public sealed class User") },
        { "experimental enum member", ModelsFile, Models.Replace("Green }", "[System.Diagnostics.CodeAnalysis.Experimental(\"CT0003\")] Green }") },
        // An enum's members and their JSON names: the query formatter lists them.
        { "enum member added", ModelsFile, Models.Replace("Green }", "Green, Blue }") },
        { "enum JSON name", ModelsFile, Models.Replace("{ Red,", "{ [System.Runtime.Serialization.EnumMember(Value = \"RED\")] Red,") },
        { "enum underlying type", ModelsFile, Models.Replace("enum Color", "enum Color : byte") },
        // What a type is: static or a ref struct (not serializable), a class (no longer a query value), a collection (no search body).
        { "model becomes static", ModelsFile, Models.Replace("public sealed class User { public string Id { get; set; } = \"\"; }", "public static class User { }") },
        { "model becomes a ref struct", ModelsFile, Models.Replace("public sealed class User { public string Id { get; set; } = \"\"; }", "public ref struct User { public string Id { get; set; } }") },
        { "enum becomes a class", ModelsFile, Models.Replace("public enum Color { Red, Green }", "public sealed class Color { }") },
        { "search body becomes a list", ModelsFile, Models.Replace("public sealed class Filter { public string? Query { get; set; } }", "public sealed class Filter : System.Collections.Generic.List<string> { }") },
        { "model removed", ModelsFile, Models.Replace("public sealed class User { public string Id { get; set; } = \"\"; }", "") },
        // A constant route in another file.
        { "route constant changed", RoutesFile, Routes.Replace("/api/v2/users/{userId}", "/api/v2/people/{userId}") },
        { "route constant broken", RoutesFile, Routes.Replace("/api/v2/users/{userId}", "api/v2/users/{userId}") },
        { "route constant gains a placeholder", RoutesFile, Routes.Replace("/api/v2/users/{userId}", "/api/v2/users/{userId}/{other}") },
        // The JsonContext's contracts.
        { "contract removed", JsonFile, Json.Replace("[System.Text.Json.Serialization.JsonSerializable(typeof(User))]", "") },
        { "search body contract removed", JsonFile, Json.Replace("[System.Text.Json.Serialization.JsonSerializable(typeof(Filter))]", "") },
        { "context no longer a context", JsonFile, Json.Replace(" : System.Text.Json.Serialization.JsonSerializerContext", "").Replace("public AppJson() : base(null) { }", "").Replace("protected override", "protected").Replace("public override", "public") },
        // What a name binds to: an alias, and a closer type of the same name.
        { "alias to another scalar", UsingsFile, "global using Id = System.Guid;" },
        { "alias to an unsupported header", UsingsFile, "global using Id = System.Collections.Generic.List<int>;" },
        { "alias mentions the client's name", UsingsFile, "global using Id = Contoso.Other.GenesysClient;\nnamespace Contoso.Other { public sealed class GenesysClient { public override string ToString() => \"\"; } }" },
        { "closer type of the same name", ElsewhereFile, Elsewhere + "\nnamespace Contoso.Genesys { public sealed class User { } }" },
        { "closer enum of the same name", ElsewhereFile, Elsewhere + "\nnamespace Contoso.Genesys { public enum Color { Cyan } }" },
        // The assembly's own markers.
        { "experimental assembly", ElsewhereFile, "[assembly: System.Diagnostics.CodeAnalysis.Experimental(\"CT0009\")]\n" + Elsewhere },
        { "unrelated edit", ElsewhereFile, Elsewhere.Replace("x + 1", "x + 2") },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void An_edit_elsewhere_gives_what_a_fresh_run_gives_and_undoing_it_too(string edit, int file, string text)
    {
        var baseline = GeneratorHarness.Compile(Files);
        var api = baseline.SyntaxTrees.ElementAt(2);
        var driver = GeneratorHarness.Driver().RunGenerators(baseline);
        var before = Output(driver);

        var edited = Replace(baseline, file, text);
        Assert.Same(api, edited.SyntaxTrees.ElementAt(2));
        driver = driver.RunGenerators(edited);
        var fresh = Output(GeneratorHarness.Driver().RunGenerators(edited));
        Assert.True(fresh == Output(driver), $"After '{edit}' the incremental output differs from a fresh run's.");
        if (edit != "unrelated edit") Assert.True(fresh != before, $"'{edit}' should change the generated client.");

        var undone = Replace(edited, file, Files[file]);
        driver = driver.RunGenerators(undone);
        Assert.Equal(before, Output(driver));
    }

    [Fact]
    public void A_chain_of_every_edit_stays_what_a_fresh_run_gives()
    {
        var compilation = GeneratorHarness.Compile(Files);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var files = (string[])Files.Clone();
        foreach (var row in Edits)
        {
            var (edit, file, text) = ((string)row[0], (int)row[1], (string)row[2]);
            // Edits pile up where they touch different files; a second edit of a file replaces the first.
            files[file] = text;
            compilation = Replace(compilation, file, text);
            driver = driver.RunGenerators(compilation);
            Assert.True(Output(GeneratorHarness.Driver().RunGenerators(compilation)) == Output(driver), $"After '{edit}' in the chain the incremental output differs from a fresh run's.");
        }
    }

    private static string Output(GeneratorDriver driver) =>
        string.Join("\n//----\n", driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText));

    private static CSharpCompilation Replace(CSharpCompilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)old.Options, old.FilePath));
    }
}
