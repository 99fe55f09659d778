using System.Text;
using BenchmarkDotNet.Attributes;
using GenesysCloud.Typed.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenesysCloud.Typed.Benchmarks;

/// <summary>Full generation and the re-run after an unrelated edit on an interface shaped like a real API surface: 500
/// endpoints over 300 models (a graph of 1,200 classes), 40 enums as query values, a JsonContext declaring 900 types,
/// page-number, cursor and body paging, ApiResponse&lt;T&gt;, headers and scopes. Every endpoint mentions its own types, so
/// the reader meets about 1,200 distinct types per run (the docs' shape in <see cref="GeneratorBenchmarks"/> meets 3).</summary>
public class GeneratorRealisticBenchmarks : GeneratorRunBenchmarks
{
    [Params(false, true)]
    public bool JsonContext;

    [GlobalSetup]
    public void Setup()
    {
        const string usings = "global using System; global using System.Collections.Generic; global using System.Threading; global using System.Threading.Tasks; global using System.Text.Json.Serialization; global using GenesysCloud.Typed;";
        Prepare(GeneratorInputs.Compile("Realistic", (usings, "Usings.cs"), (Interface(JsonContext), "IApi.cs"), (Models(), "Models.cs")));
    }

    private static string Interface(bool jsonContext)
    {
        var api = new StringBuilder("namespace Contoso.Api\n{\n    using Contoso.Models;\n");
        api.Append(jsonContext ? "    [GenesysApi(JsonContext = typeof(AppJson))]\n" : "    [GenesysApi]\n");
        api.Append("    [RequiresScope(\"users\", \"users:readonly\")]\n    public partial interface IApi\n    {\n");
        for (var i = 0; i < 500; i++)
        {
            string model = $"Model{i % 300}", kind = $"Kind{i % 40}", area = $"/api/v2/area{i % 30}";
            api.Append("        ").Append((i % 5) switch
            {
                0 => $"[Get(\"{area}/things{i}/{{thingId}}\")] Task<{model}> Get{i}Async(string thingId, [Query] {kind}? kind = null, [Query(\"expand\")] IReadOnlyList<string>? expand = null, CancellationToken ct = default);",
                1 => $"[Get(\"{area}/things{i}\")] IAsyncEnumerable<{model}> List{i}Async([Query] int pageSize = 100, [Query] {kind}[]? kinds = null, [Query] DateTimeOffset? since = null, CancellationToken ct = default);",
                2 => $"[Patch(\"{area}/things{i}/{{thingId}}\"), RequiresScope(\"users\")] Task<ApiResponse<{model}>> Patch{i}Async(string thingId, [Body] Update{i % 300} body, [Header(\"X-Tag\")] string? tag = null, CancellationToken ct = default);",
                3 => $"[Post(\"{area}/things{i}/query\"), Paging(PagingStyle.BodyPageNumber, ItemsProperty = \"results\")] IAsyncEnumerable<{model}> Search{i}Async([Body] Search{i % 300} query, CancellationToken ct = default);",
                _ => $"[Get(\"{area}/cursor{i}\"), Paging(PagingStyle.Cursor)] GenesysPageable<{model}> Page{i}Async([Query] Guid? owner = null, [Query] TimeSpan? window = null, [Query] {kind} kind = default);",
            }).Append('\n');
        }
        return api.Append("    }\n}\n").ToString();
    }

    private static string Models()
    {
        var models = new StringBuilder("namespace Contoso.Models\n{\n");
        for (var i = 0; i < 40; i++)
            models.Append($"    public enum Kind{i} {{ Alpha, [System.Runtime.Serialization.EnumMember(Value = \"beta-{i}\")] Beta, Gamma, Delta{i} }}\n");
        for (var i = 0; i < 300; i++)
        {
            models.Append($"    public sealed class Model{i} {{ public string? Id {{ get; set; }} public Kind{i % 40} Kind {{ get; set; }} public Model{(i + 1) % 300}? Next {{ get; set; }} public List<Detail{i}>? Details {{ get; set; }} }}\n");
            models.Append($"    public sealed class Detail{i} {{ public int X {{ get; set; }} public DateTimeOffset At {{ get; set; }} }}\n");
            models.Append($"    public sealed class Update{i} {{ public string? Name {{ get; set; }} public int Version {{ get; set; }} }}\n");
            models.Append($"    public sealed class Search{i} {{ public int PageNumber {{ get; set; }} public int PageSize {{ get; set; }} public string? Query {{ get; set; }} }}\n");
        }
        for (var i = 0; i < 300; i++)
            models.Append($"    [JsonSerializable(typeof(Model{i}))] [JsonSerializable(typeof(Update{i}))] [JsonSerializable(typeof(Search{i}))]\n");
        models.Append("""
                internal sealed class AppJson : JsonSerializerContext
                {
                    public AppJson() : base(null) { }
                    public static AppJson Default { get; } = new();
                    protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
                    public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type) => null;
                }
            }
            """);
        return models.ToString();
    }
}
