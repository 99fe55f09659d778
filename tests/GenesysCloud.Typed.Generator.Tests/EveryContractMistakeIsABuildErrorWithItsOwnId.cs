using Verify = GenesysCloud.Typed.Generator.Tests.AnalyzerVerifier<GenesysCloud.Typed.Generator.Analyzers.ContractAnalyzer>;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>GCT0101–GCT0136: every declaration the generated client could not honour — at the interface, the method, the
/// parameter, paging, jobs, HEAD, types that cannot be JSON — is a build error with its own ID at the place to fix, and
/// a correct interface has no diagnostic at all.</summary>
public sealed class EveryContractMistakeIsABuildErrorWithItsOwnId
{
    [Fact]
    public async Task A_correct_interface_has_no_diagnostics()
    {
        await Verify.VerifyAsync("""
            [GenesysApi]
            public partial interface IUsersApi
            {
                [Get("/api/v2/users")]
                IAsyncEnumerable<User> ListAsync([Query] int pageSize = 25, [Query("expand")] string[]? expand = null, CancellationToken ct = default);
                [Get("/api/v2/users/{userId}")]
                Task<ApiResponse<User>> GetAsync(string userId, [Header("X-Tag")] string? tag = null);
                [Patch("/api/v2/users/{userId}")]
                Task<User> UpdateAsync(string userId, [Body] User body, CancellationToken ct = default);
                [Get("/api/v2/users/query"), Paging(PagingStyle.Cursor)]
                GenesysPageable<User> QueryAsync();
                [Delete("/api/v2/users/{userId}")]
                Task DeleteAsync(string userId);
            }
            """);
    }

    [Fact]
    public async Task A_head_returns_task_and_sends_no_body()
    {
        await Verify.VerifyAsync("""
            [GenesysApi]
            public partial interface ITokensApi
            {
                [Head("/api/v2/tokens/me")]
                Task CheckAsync(CancellationToken ct = default);
                [Head("/api/v2/tokens/me")]
                Task<User> {|#0:WithResult|}(CancellationToken ct = default);
                [Head("/api/v2/tokens/me")]
                Task<ApiResponse<User>> {|#1:WithResponse|}(CancellationToken ct = default);
                [Head("/api/v2/users/{userId}")]
                Task WithBody(string userId, [Body] User {|#2:body|}, CancellationToken ct = default);
            }
            """,
            Verify.Diagnostic("GCT0125").WithLocation(0).WithArguments("WithResult", "Task<T>"),
            Verify.Diagnostic("GCT0125").WithLocation(1).WithArguments("WithResponse", "Task<ApiResponse<T>>"),
            Verify.Diagnostic("GCT0111").WithLocation(2).WithArguments("WithBody", "HEAD"));
    }

    [Fact]
    public async Task Interface_level_mistakes()
    {
        await Verify.VerifyAsync("""
            [GenesysApi] public interface {|#0:INotPartial|} { }
            [{|#1:GenesysApi|}] public partial class NotAnInterface { }
            [GenesysApi] public partial interface {|#2:IGeneric|}<T> { }
            public class Outer { [GenesysApi] public partial interface {|#3:INested|} { } }
            """,
            Verify.Diagnostic("GCT0101").WithLocation(0).WithArguments("INotPartial"),
            Verify.Diagnostic("GCT0102").WithLocation(1).WithArguments("NotAnInterface"),
            Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS0592").WithLocation(1).WithArguments("GenesysApi", "interface"),
            Verify.Diagnostic("GCT0103").WithLocation(2).WithArguments("IGeneric", "generic interfaces cannot have a generated client"),
            Verify.Diagnostic("GCT0103").WithLocation(3).WithArguments("INested", "it is nested in 'Outer', which is not partial"));
    }

    [Fact]
    public async Task Method_level_mistakes()
    {
        await Verify.VerifyAsync("""
            [GenesysApi]
            public partial interface IApi
            {
                Task<User> {|#0:NoVerb|}();
                [Get({|#1:"api/v2/users"|})] Task<User> RelativeRoute();
                [Get({|#2:"/api/v2/users?x=1"|})] Task<User> QueryInRoute();
                [Get("/api/v2/users")] Task<T> {|#3:Generic|}<T>();
                [Get("/api/v2/users")] User {|#4:NotAsync|}();
                [Post("/api/v2/users")] IAsyncEnumerable<User> {|#5:PagedPost|}();
                [Get("/api/v2/users"), Paging(PagingStyle.Cursor)] Task<User> {|#6:PagingOnSingle|}();
                string {|#7:Name|} { get; }
            }
            """,
            Verify.Diagnostic("GCT0104").WithLocation(0).WithArguments("NoVerb", ""),
            Verify.Diagnostic("GCT0105").WithLocation(1).WithArguments("api/v2/users", "RelativeRoute", "the route must start with '/'"),
            Verify.Diagnostic("GCT0105").WithLocation(2).WithArguments("/api/v2/users?x=1", "QueryInRoute", "the route must not carry a query string or fragment (use [Query] parameters)"),
            Verify.Diagnostic("GCT0114").WithLocation(3).WithArguments("Generic"),
            Verify.Diagnostic("GCT0112").WithLocation(4).WithArguments("NotAsync", "User"),
            Verify.Diagnostic("GCT0127").WithLocation(5).WithArguments("PagedPost", "POST"),
            Verify.Diagnostic("GCT0113").WithLocation(6).WithArguments("PagingOnSingle"),
            Verify.Diagnostic("GCT0117").WithLocation(7).WithArguments("Name", "a property"));
    }

    private const string AllPagingStyles = "PagingStyle.PageNumber, PagingStyle.Cursor, PagingStyle.BodyPageNumber or PagingStyle.BodyNextPage";

    [Fact]
    public async Task Paging_mistakes_each_have_their_own_id()
    {
        await Verify.VerifyAsync("""
            [GenesysApi]
            public partial interface IApi
            {
                [Get("/a"), Paging(PagingStyle.Cursor)] Task<User> {|#0:Single|}();
                [Get("/a"), {|#1:Paging((PagingStyle)7)|}] IAsyncEnumerable<User> UnknownStyle();
                [Delete("/a")] IAsyncEnumerable<User> {|#2:DeleteListing|}();
                [Get("/a"), Paging(PagingStyle.BodyPageNumber)] IAsyncEnumerable<User> {|#3:SearchByGet|}([Query] int q);
                [Post("/a"), Paging(PagingStyle.BodyNextPage)] GenesysPageable<User> {|#4:SearchWithoutBody|}();
                [Post("/a"), Paging(PagingStyle.BodyPageNumber)] IAsyncEnumerable<User> {|#5:SearchByList|}([Body] int[] q);
                [Post("/a"), Paging(PagingStyle.BodyNextPage)] IAsyncEnumerable<User> Search([Body] User q);
                [Get("/a"), Paging(PagingStyle.Cursor)] GenesysPageable<User> Listing();
            }
            """,
            Verify.Diagnostic("GCT0113").WithLocation(0).WithArguments("Single"),
            Verify.Diagnostic("GCT0126").WithLocation(1).WithArguments("UnknownStyle", "(PagingStyle)7", AllPagingStyles),
            Verify.Diagnostic("GCT0127").WithLocation(2).WithArguments("DeleteListing", "DELETE"),
            Verify.Diagnostic("GCT0128").WithLocation(3).WithArguments("SearchByGet", "BodyPageNumber", "GET"),
            Verify.Diagnostic("GCT0129").WithLocation(4).WithArguments("SearchWithoutBody", "BodyNextPage"),
            Verify.Diagnostic("GCT0130").WithLocation(5).WithArguments("SearchByList", "BodyPageNumber", "int[]"));
    }

    [Fact]
    public async Task Job_mistakes_each_have_their_own_id()
    {
        await Verify.VerifyAsync("""
            [GenesysApi]
            public partial interface IApi
            {
                [Post("/a"), {|#0:AsyncJob("x")|}] Task<User> NotAJob([Body] User q);
                [Post("/a")] GenesysJob<User> {|#1:NoAttribute|}([Body] User q);
                [Get("/a"), {|#2:AsyncJob("x")|}] GenesysJob<User> ByGet();
                [Post("/a"), AsyncJob("x"), {|#3:Paging(PagingStyle.Cursor)|}] GenesysJob<User> {|#8:Paged|}([Body] User q);
                [Post("/a"), {|#4:AsyncJob("")|}] GenesysJob<User> NoItems([Body] User q);
                [Post("/a"), {|#5:AsyncJob("x", StatusPath = "no-slash")|}] GenesysJob<User> BadStatus([Body] User q);
                [Post("/a"), {|#6:AsyncJob("x", ResultsPath = "/a/{jobId}/{jobId}")|}] GenesysJob<User> TwoIds([Body] User q);
                [Post("/a"), {|#7:AsyncJob("x", StatusPath = "/a/{id}")|}] GenesysJob<User> OtherId([Body] User q);
                [Post("/a"), AsyncJob("x", StatusPath = "/a/{jobId}", ResultsPath = "/a/{jobId}/results")] GenesysJob<User> Job([Body] User q);
            }
            """,
            Verify.Diagnostic("GCT0124").WithLocation(0).WithArguments("NotAJob"),
            Verify.Diagnostic("GCT0131").WithLocation(1).WithArguments("NoAttribute"),
            Verify.Diagnostic("GCT0132").WithLocation(2).WithArguments("ByGet", "GET"),
            Verify.Diagnostic("GCT0133").WithLocation(3).WithArguments("Paged"),
            Verify.Diagnostic("GCT0113").WithLocation(8).WithArguments("Paged"),
            Verify.Diagnostic("GCT0134").WithLocation(4).WithArguments("NoItems"),
            Verify.Diagnostic("GCT0135").WithLocation(5).WithArguments("StatusPath", "no-slash", "BadStatus", "the route must start with '/'"),
            Verify.Diagnostic("GCT0136").WithLocation(6).WithArguments("ResultsPath", "/a/{jobId}/{jobId}", "TwoIds"),
            Verify.Diagnostic("GCT0136").WithLocation(7).WithArguments("StatusPath", "/a/{id}", "OtherId"));
    }

    [Fact]
    public async Task Parameter_mistakes()
    {
        await Verify.VerifyAsync("""
            [GenesysApi]
            public partial interface IApi
            {
                [Get({|#0:"/api/v2/users/{userId}"|})] Task<User> Missing();
                [Get("/api/v2/users")] Task<User> Unbound(int {|#1:page|});
                [Get("/api/v2/users")] Task<User> TwiceQuery([Query("a")] int x, [Query("a")] int {|#2:y|});
                [Post("/api/v2/users")] Task TwoBodies([Body] User a, [Body] User {|#3:b|});
                [Get("/api/v2/users")] Task TwoTokens(CancellationToken a, CancellationToken {|#4:b|});
                [Get("/api/v2/users")] Task BodyOnGet([Body] User {|#5:b|});
                [Get("/api/v2/users")] Task BadHeader([Header("X Bad")] string {|#6:h|});
                [Get("/api/v2/users")] Task ComplexQuery([Query] User {|#7:u|});
                [Get("/api/v2/users")] Task ByRef(ref int {|#8:x|});
                [Get("/api/v2/users")] Task Both([Query][Header("X-A")] string {|#9:both|});
                [Get("/api/v2/users")] Task {|#10:Varargs|}(__arglist);
            }
            """,
            Verify.Diagnostic("GCT0106").WithLocation(0).WithArguments("userId", "Missing"),
            Verify.Diagnostic("GCT0107").WithLocation(1).WithArguments("page", "Unbound"),
            Verify.Diagnostic("GCT0108").WithLocation(2).WithArguments("The query key 'a'", "TwiceQuery"),
            Verify.Diagnostic("GCT0109").WithLocation(3).WithArguments("TwoBodies"),
            Verify.Diagnostic("GCT0110").WithLocation(4).WithArguments("TwoTokens"),
            Verify.Diagnostic("GCT0111").WithLocation(5).WithArguments("BodyOnGet", "GET"),
            Verify.Diagnostic("GCT0115").WithLocation(6).WithArguments("X Bad", "h", "is not a valid HTTP header name"),
            Verify.Diagnostic("GCT0116").WithLocation(7).WithArguments("query", "u", "User", ", or a collection of them"),
            Verify.Diagnostic("GCT0118").WithLocation(8).WithArguments("x", "ByRef"),
            Verify.Diagnostic("GCT0119").WithLocation(9).WithArguments("both", "Both"),
            Verify.Diagnostic("GCT0118").WithLocation(10).WithArguments("__arglist", "Varargs"));
    }

    [Fact]
    public async Task Attribute_arguments_the_generator_does_not_understand()
    {
        await Verify.VerifyAsync("""
            [GenesysApi]
            public partial interface IApi
            {
                [Get("/a"), {|#0:Paging((PagingStyle)7)|}] IAsyncEnumerable<User> UnknownStyle();
                [Get("/a")] Task<User> UnknownFormat([{|#1:Query(Format = (QueryCollectionFormat)9)|}] int[] ids);
                [Get("/a"), {|#2:Paging(PagingStyle.Cursor, ItemsProperty = "")|}] GenesysPageable<User> EmptyItems();
                [Get("/a"), {|#3:Paging(PagingStyle.Cursor, ItemsProperty = null)|}] GenesysPageable<User> NullItems();
            }
            """,
            Verify.Diagnostic("GCT0126").WithLocation(0).WithArguments("UnknownStyle", "(PagingStyle)7", AllPagingStyles),
            Verify.Diagnostic("GCT0120").WithLocation(1).WithArguments("[Query] Format of parameter 'ids'", "UnknownFormat", "(QueryCollectionFormat)9",
                "use QueryCollectionFormat.Multi or QueryCollectionFormat.Csv"),
            Verify.Diagnostic("GCT0120").WithLocation(2).WithArguments("[Paging] ItemsProperty", "EmptyItems", "\"\"",
                "name the JSON property that holds the items, e.g. \"entities\", or leave it out"),
            Verify.Diagnostic("GCT0120").WithLocation(3).WithArguments("[Paging] ItemsProperty", "NullItems", "null",
                "name the JSON property that holds the items, e.g. \"entities\", or leave it out"));
    }

    [Fact]
    public async Task Body_and_result_types_that_cannot_be_json_and_ref_returns()
    {
        await Verify.VerifyAsync("""
            [GenesysApi]
            public partial interface IApi
            {
                [Post("/api/v2/raw")] Task PostRaw([Body] ReadOnlySpan<byte> {|#0:payload|}, CancellationToken ct = default);
                [Post("/api/v2/raw")] Task Frame([Body] RawFrame {|#1:frame|});
                [Get("/api/v2/users")] ref Task<User> {|#2:ByRef|}();
            }
            public ref struct RawFrame { public int Length; }
            """,
            Verify.Diagnostic("GCT0121").WithLocation(0).WithArguments("body parameter 'payload'", "PostRaw", "System.ReadOnlySpan<byte>", "a ref struct cannot be a type argument or be serialized"),
            Verify.Diagnostic("GCT0121").WithLocation(1).WithArguments("body parameter 'frame'", "Frame", "RawFrame", "a ref struct cannot be a type argument or be serialized"),
            Verify.Diagnostic("GCT0112").WithLocation(2).WithArguments("ByRef", "ref System.Threading.Tasks.Task<User>"));
    }

    [Fact]
    public async Task Interfaces_a_generated_file_cannot_extend()
    {
        await Verify.VerifyAsync("""
            [GenesysApi] file partial interface {|#0:IFileApi|} { [Get("/a")] Task<User> M(); }
            [GenesysApi] public partial interface {|#1:IAreaApi|} { static abstract string Area { get; } [Get("/a")] Task<User> M(); }
            public interface IHasArea { static abstract string Area { get; } }
            [GenesysApi] public partial interface {|#2:IInheritsArea|} : IHasArea { [Get("/a")] Task<User> M(); }
            [GenesysApi] public partial interface IImplementsArea : IHasArea { static string IHasArea.Area => "users"; [Get("/a")] Task<User> M(); }
            [GenesysApi] public partial interface IVirtualArea { static virtual string Area => "users"; [Get("/a")] Task<User> M(); }
            """,
            Verify.Diagnostic("GCT0103").WithLocation(0).WithArguments("IFileApi", "it is a file-local type, which the generated file cannot see"),
            Verify.Diagnostic("GCT0103").WithLocation(1).WithArguments("IAreaApi",
                "it has the static abstract member 'IAreaApi.Area', so it cannot be the type argument of IGenesysApi<T>; give the member a body (static virtual) or move it to another interface"),
            Verify.Diagnostic("GCT0103").WithLocation(2).WithArguments("IInheritsArea",
                "it has the static abstract member 'IHasArea.Area', so it cannot be the type argument of IGenesysApi<T>; give the member a body (static virtual) or move it to another interface"));
    }

    /// <summary>GCT0117 names the kind of member with its article: a property, an indexer, an event.</summary>
    [Theory]
    [InlineData("string Name { get; }", "'Name' is a property;")]
    [InlineData("int this[int i] { get; }", "'this[]' is an indexer;")]
    [InlineData("event System.EventHandler Changed;", "'Changed' is an event;")]
    public async Task The_member_that_is_not_an_endpoint_is_named_with_its_article(string member, string message)
    {
        var compilation = GeneratorHarness.Compile([Sources.Models,
            "using GenesysCloud.Typed; namespace N { [GenesysApi] public partial interface I { " + member + " } }"]);
        var diagnostics = await Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerExtensions.WithAnalyzers(compilation, [new Analyzers.ContractAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        var gct0117 = Assert.Single(diagnostics, d => d.Id == "GCT0117");
        Assert.StartsWith(message, gct0117.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
