using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using GenesysCloud.Typed.Generator.Reading;
using GenesysCloud.Typed.Generator.Rules;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The client class is nested in the user's interface, where it would be found before any type of the same name
/// the interface's signatures use, unqualified: a model called GenesysClient (or a namespace or outer type of that name
/// that qualifies one) gets the client named otherwise, so the user's code still means what it says.</summary>
public sealed class AUserTypeNamedGenesysClientKeepsItsMeaning
{
    private const string Models = """
        namespace App.Models
        {
            public sealed class GenesysClient { public string Id { get; set; } = ""; }
            public static class Outer { public sealed class Inner { public string Id { get; set; } = ""; } }
        }
        namespace App.Wrapped { public static class GenesysClient { public sealed class Item { public string Id { get; set; } = ""; } } }
        """;

    // Each place an unqualified name can appear in a signature.
    public static TheoryData<string, string> Signatures() => new()
    {
        { "using App.Models;", "[Get(\"/a\")] Task<GenesysClient> GetAsync();" },
        { "using App.Models;", "[Get(\"/a\")] Task<List<GenesysClient[]>> ListAsync();" },
        { "using App.Models;", "[Post(\"/a\")] Task SendAsync([Body] GenesysClient client);" },
        { "using App.Models;", "[Get(\"/a\")] IAsyncEnumerable<GenesysClient> PageAsync();" },
        { "using App.Models;", "[Get(\"/a\")] Task<ApiResponse<Dictionary<string, GenesysClient>>> ReadAsync();" },
        { "", "[Get(\"/a\")] Task<GenesysClient.Thing> GetAsync();" },   // with NamespaceModel: a namespace that qualifies
        { "using App.Wrapped;", "[Get(\"/a\")] Task<GenesysClient.Item> GetAsync();" },
    };

    private const string NamespaceModel = """
        namespace App.GenesysClient { public sealed class Thing { public string Id { get; set; } = ""; } }
        """;

    [Theory]
    [MemberData(nameof(Signatures))]
    public void A_type_the_signatures_call_GenesysClient_keeps_its_meaning(string usings, string member)
    {
        var source = $$"""
            #nullable enable
            using System.Collections.Generic; using System.Threading.Tasks; using GenesysCloud.Typed; {{usings}}
            namespace App { [GenesysApi] public partial interface IClientsApi { {{member}} } }
            """;
        var compilation = GeneratorHarness.Compile([member.Contains("Thing", StringComparison.Ordinal) ? NamespaceModel : Models, source]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var run = GeneratorHarness.RunGenerator(compilation);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var generated = Assert.Single(run.GeneratedTrees).ToString();
        Assert.Contains("class GenesysClient_1 :", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("has no generated implementation", GeneratorHarness.Unwrapped(generated), StringComparison.Ordinal);
    }

    // The name anywhere else inside the interface: aliases, attribute arguments, default values, helpers' bodies, the
    // [GenesysApi] attribute itself.
    public static TheoryData<string, string, string> Elsewhere() => new()
    {
        { "using GenesysClient = App.Models.Outer.Inner;", "", "[Get(\"/a\")] Task<GenesysClient> GetAsync();" },
        { "using GenesysClient = App.Models;", "", "[Get(\"/a\")] Task<GenesysClient.Outer.Inner> GetAsync();" },
        { "using App.Wrapped;", "", "[Get(GenesysClient.Route)] Task<string> GetAsync([Query(GenesysClient.Key)] string q = GenesysClient.Default);" },
        { "using App.Wrapped;", "", "[Get(\"/a\")] Task<string> GetAsync(); static string Region => GenesysClient.Default;" },
        { "using App.Contexts;", "(JsonContext = typeof(GenesysClient))", "[Get(\"/a\")] Task<string> GetAsync();" },
    };

    private const string ElsewhereModels = """
        namespace App.Models { public static class Outer { public sealed class Inner { public string Id { get; set; } = ""; } } }
        namespace App.Wrapped { public static class GenesysClient { public const string Route = "/api/v2/a", Key = "k", Default = "d"; } }
        namespace App.Contexts
        {
            [System.Text.Json.Serialization.JsonSerializable(typeof(string)), System.Text.Json.Serialization.JsonSerializable(typeof(App.Models.Outer.Inner))]
            internal sealed partial class GenesysClient : System.Text.Json.Serialization.JsonSerializerContext
            {
                public GenesysClient() : base(null) { }
                public static GenesysClient Default { get; } = new();   // what System.Text.Json's generator would add
            }
        }
        """;

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public async Task The_name_anywhere_in_the_interface_keeps_its_meaning(string usings, string apiArguments, string members)
    {
        var source = $$"""
            #nullable enable
            {{usings}}
            using System.Threading.Tasks; using GenesysCloud.Typed;
            namespace App { [GenesysApi{{apiArguments}}] public partial interface IClientsApi { {{members}} } }
            """;
        var compilation = GeneratorHarness.Compile([ElsewhereModels, source]);
        // The user's own code is legal before generation (the context's members come from System.Text.Json's generator).
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS0534"));

        var run = GeneratorHarness.RunGenerator(compilation);
        var analyzers = await compilation.WithAnalyzers([new Analyzers.ContractAnalyzer(), new Analyzers.JsonContextAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS0534"));
        Assert.DoesNotContain(analyzers, d => d.Id.StartsWith("GCT01", StringComparison.Ordinal));
        Assert.Contains("class GenesysClient_1 :", Assert.Single(run.GeneratedTrees).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_such_a_type_the_client_is_GenesysClient()
    {
        var source = """
            using System.Threading.Tasks; using GenesysCloud.Typed; using App.Models;
            namespace App { [GenesysApi] public partial interface IClientsApi { [Get("/a")] Task<Outer.Inner> GetAsync(); } }
            """;
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.Compile([Models, source]));

        Assert.Contains("class GenesysClient :", Assert.Single(run.GeneratedTrees).ToString(), StringComparison.Ordinal);
    }
}
