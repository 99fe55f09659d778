using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>A small API index in genesys-typed's format, and running the analyzers with it as an additional file.</summary>
internal static class DocumentIndex
{
    public const string Path = "/repo/Genesys/genesys-api.json";

    /// <summary>Every mistake below, analysed without an index: no GCT02xx fires and the scope analyzer says what it said before.</summary>
    public const string Mistakes = """
        [assembly: GrantedScopes("users", "routing")]
        [GenesysApi]
        public partial interface IMistaken
        {
            [Get("/api/v2/user/{userId}")] Task<User> Typo(string userId);
            [Get("/api/v2/users/{id}"), RequiresScope("users:readonly")] Task<User> Renamed(string id, [Query("expnd")] string? expand = null);
            [Patch("/api/v2/users/{userId}"), RequiresScope("users:readonly", "analytics")] Task<User> Patch(string userId, [Body] Draft body);
            [Get("/api/v2/users/{userId}/queues")] Task Queues(string userId, [Header("X-Request-Tags")] string tag);
            [Get("/api/v2/users/{userId}/adjacents")] Task Adjacents(string userId);
            [Get("/api/v2/users/{userId}/skillgroups")] Task SkillGroups(string userId);
        }
        public sealed class Draft { public string? Departmnt { get; set; } public int Version { get; set; } }
        """;

    public const string Json = """
        {"format":"genesys-typed-index","version":1,"source":"Test API v2",
        "scopes":["users","users:readonly","routing","routing:readonly"],
        "operations":[
        ["GET","/api/v2/users",[["q","pageSize",0,"int32"],["q","pageNumber",0,"int32"],["q","expand",0,"string[]","multi"]],"","UserEntityListing",["users","users:readonly"],0],
        ["GET","/api/v2/users/{userId}",[["p","userId",1,"string"],["q","expand",0,"string[]","multi"]],"","User",["users","users:readonly"],0],
        ["PATCH","/api/v2/users/{userId}",[["p","userId",1,"string"]],"UpdateUser","User",["users"],0],
        ["DELETE","/api/v2/users/{userId}",[["p","userId",1,"string"]],"","",["users"],0],
        ["GET","/api/v2/users/{userId}/queues",[["p","userId",1,"string"],["q","divisionId",1,"string[]","multi"],["h","X-Request-Tag",0,"string"]],"","",["routing","routing:readonly"],0],
        ["GET","/api/v2/users/{userId}/adjacents",[["p","userId",1,"string"]],"","",["users","users:readonly"],1],
        ["GET","/api/v2/users/{userId}/skillgroups",[["p","userId",1,"string"]],"","",["routing","routing:readonly"],2],
        ["GET","/api/v2/routing/queues/{queueId}/members",[["p","queueId",1,"string"],["q","pageNumber",1,"int32"]],"","",["routing","routing:readonly"],0]
        ],
        "schemas":{
        "UpdateUser":["name","department","version"],
        "User":["id","name","department","version"],
        "UserEntityListing":["entities","pageNumber"]
        }}
        """;

    public const string Usings = "#nullable enable\nusing System; using System.Collections.Generic; using System.Threading; using System.Threading.Tasks; using GenesysCloud.Typed; using Contoso.Models;\n";

    /// <summary>The analyzers' diagnostics for <paramref name="sources"/> (after <see cref="Sources.Models"/>) with
    /// <paramref name="index"/> as genesys-api.json, or without any additional file when null.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string? index, params string[] sources)
    {
        var compilation = GeneratorHarness.Compile([Sources.Models, .. sources.Select(s => Usings + s)]);
        return await AnalyzeAsync(compilation, index is null ? [] : [new Text(Path, index)]);
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, IEnumerable<AdditionalText> files)
    {
        var options = new AnalyzerOptions([.. files]);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new Analyzers.DocumentAnalyzer(), new Analyzers.ScopeAnalyzer(), new Analyzers.ContractAnalyzer());
        var result = await compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: true,
            logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false)).GetAnalyzerDiagnosticsAsync();
        // An analyzer that throws is reported as AD0001: never acceptable.
        Assert.DoesNotContain(result, d => d.Id == "AD0001");
        return result;
    }

    public static List<Diagnostic> Of(this ImmutableArray<Diagnostic> diagnostics, string id) => diagnostics.Where(d => d.Id == id).ToList();

    public static IEnumerable<Diagnostic> DocumentIds(this ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Id.StartsWith("GCT02", StringComparison.Ordinal));

    /// <summary>An additional file in memory.</summary>
    public sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
