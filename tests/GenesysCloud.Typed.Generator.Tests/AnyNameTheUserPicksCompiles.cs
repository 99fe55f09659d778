using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The generated client compiles warning-free whatever names the user picks: every identifier the emitter
/// declares or could reference, C# keywords, contextual keywords and Unicode names are used as a parameter in every
/// binding position, as an interface member, and as a type name at namespace level and nested in the interface.</summary>
public sealed class AnyNameTheUserPicksCompiles
{
    /// <summary>Everything the emitter declares or references: locals, the client's members and parameters, the client
    /// class, the interface's static members, and the namespaces, types and members its code names.</summary>
    private static readonly string[] EmitterIdentifiers =
    [
        // locals and the names the NameScope falls back to
        "path", "query", "headers", "request", "__item", "__parts", "path_1", "request_1",
        // parameters of generated members
        "value", "connection",
        // the client's members, the client class, the interface's static members
        "_connection", "_typeInfo0", "_typeInfo1", "TypeInfo0", "TypeInfo1", "EndpointList", "GenesysClient", "GenesysClient_1",
        "Format_Hygiene_Kind", "Create", "Endpoints",
        // namespaces and types the generated code names (always with global::)
        "System", "Global", "GenesysCloud", "Typed", "String", "Collections", "Generic", "List", "KeyValuePair", "IEnumerable",
        "Task", "CancellationToken", "JsonTypeInfo", "QueryBuilder", "GenesysRequest", "GenesysEndpoint", "GenesysCloudConnection",
        "IGenesysApi", "ApiResponse", "PagingStyle", "HttpMethod", "ArgumentNullException", "NotSupportedException", "CultureInfo",
        "Obsolete", "GeneratedCode", "RequiresPreviewFeatures", "Nullable",
        // members the generated code calls on qualified receivers
        "Segment", "Format", "Add", "ToString", "Concat", "Join", "HasValue", "Value", "Count", "Body", "Headers", "Idempotent",
        "SendAsync", "SendForResponseAsync", "Paginate", "SerializeBody", "GetTypeInfo", "InvariantCulture",
    ];

    /// <summary>Awkward names a user can legally write. Keywords need '@'.</summary>
    private static readonly string[] AwkwardNames =
    [
        "@class", "@this", "@base", "@event", "@string", "@int", "@object", "@default", "@new", "@return", "@null", "@true",
        "@in", "@out", "@params", "@is", "@as", "@foreach", "@if", "@throw", "@namespace", "@operator", "@void", "@static",
        "var", "@var", "nameof", "dynamic", "async", "await", "global", "when", "not", "and", "or", "with", "args", "select",
        "_", "__", "cancellationToken", "ct", "self", "that",
        "benutzerKennung", "ユーザー", "usér", "Ωmega", "\\u0070ath", "pa\u00ADth",
    ];

    public static TheoryData<string, GeneratorHarness.Target> Cases()
    {
        var data = new TheoryData<string, GeneratorHarness.Target>();
        foreach (var name in EmitterIdentifiers.Concat(AwkwardNames).Distinct())
        foreach (var target in new[] { GeneratorHarness.Target.Net80, GeneratorHarness.Target.Net100 })
            data.Add(name, target);
        return data;
    }

    /// <summary>The name as the compiler sees it: without '@', Unicode escapes resolved, formatting characters removed.</summary>
    private static string ValueOf(string spelling) => spelling switch
    {
        "\\u0070ath" => "path",
        "pa\u00ADth" => "path",
        _ => spelling.TrimStart('@'),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_name_in_every_position_compiles_warning_free(string name, GeneratorHarness.Target target)
    {
        var source = UserSource(name);
        var compilation = GeneratorHarness.Compile(source, target);
        // Before generation the 'new' on a member named Create/Endpoints hides nothing yet (CS0109): only errors count here;
        // the assertion below covers warnings of the whole output.
        var userProblems = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS0109").ToList();
        Assert.True(userProblems.Count == 0, "The test's own source is not legal C#:\n" + string.Join("\n", userProblems));

        var run = GeneratorHarness.RunGenerator(compilation);

        Assert.Null(run.Result.Exception);
        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => $"{p} — {Line(p)}")));
        Assert.Equal(2, run.Result.GeneratedSources.Length);
        // Every endpoint was implemented, none fell back to a stub.
        foreach (var generated in run.Result.GeneratedSources)
            Assert.DoesNotContain("has no generated implementation", generated.SourceText.ToString());
    }

    [Fact]
    public void Generated_locals_step_aside_for_parameters_with_their_names()
    {
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.Compile(UserSource("request")));
        var text = run.Result.GeneratedSources.Single(s => s.HintName == "Hygiene.IMembers.g.cs").SourceText.ToString();
        Assert.Contains("global::GenesysCloud.Typed.GenesysRequest request_1 = new(", text);
        Assert.Contains("Body = this._connection.SerializeBody(request, this.TypeInfo0)", text);
        Assert.Contains("global::GenesysCloud.Typed.QueryBuilder.Segment(request, \"request\")", text);
        Assert.DoesNotContain("var ", text);
        Assert.DoesNotContain("nameof(", text);
    }

    private static string Line(Diagnostic d) =>
        d.Location.SourceTree is { } tree ? tree.GetText().Lines.GetLineFromPosition(d.Location.SourceSpan.Start).ToString().Trim() : "";

    private const string T = "global::System.Threading.Tasks.Task";
    private const string Ct = "global::System.Threading.CancellationToken";
    private const string TokenType = Ct;
    private const string G = "global::GenesysCloud.Typed";

    /// <summary>Fully qualified user source (so a user type named Task, List or GenesysApi breaks nothing in it) with
    /// <paramref name="n"/> in every binding position of two interfaces: IMembers also has a method named n, INested a
    /// nested type named n; a namespace-level type is named n too.</summary>
    internal static string UserSource(string n)
    {
        var value = ValueOf(n);
        var typeOk = value is not ("Model" or "Kind" or "Hygiene");
        var b = new System.Text.StringBuilder();
        b.AppendLine("#nullable enable");
        b.AppendLine("#pragma warning disable CS8981 // lower-case type names are what this test is about");
        b.AppendLine("namespace Hygiene");
        b.AppendLine("{");
        b.AppendLine("    public sealed class Model { public string Id { get; set; } = \"\"; }");
        b.AppendLine("    public enum Kind { First, Second }");
        if (typeOk) b.AppendLine($"    public sealed class {n} {{ }}");
        // Every [GenesysApi] interface inherits IGenesysApi<T>.Create and .Endpoints (the static abstract factory of the
        // public contract), so a user member that hides them needs 'new' (CS0108) like any other hiding member.
        var hidesCreate = value is "Create" or "Endpoints";
        foreach (var (api, extra) in new[]
                 {
                     ("IMembers", $"[{G}.Get(\"/member\")] {(value == "Endpoints" ? "new " : "")}{T}<global::Hygiene.Model> {n}({Ct} {TokenName(value)});"),
                     ("INested", typeOk ? $"public {(hidesCreate ? "new " : "")}sealed class {n} {{ }}" : ""),
                 })
        {
            b.AppendLine($"    [{G}.GenesysApi, {G}.RequiresScope(\"users\")]");
            b.AppendLine($"    public partial interface {api}");
            b.AppendLine("    {");
            b.AppendLine("        " + extra);
            foreach (var method in Methods(n, value)) b.AppendLine("        " + method);
            b.AppendLine("    }");
        }
        b.AppendLine("}");
        return b.ToString();
    }

    private static string TokenName(string value) => value == "cancellationToken" ? "token" : "cancellationToken";

    private static IEnumerable<string> Methods(string n, string value)
    {
        var token = $"{TokenType} {TokenName(value)}";
        const string M = "global::Hygiene.Model";
        const string K = "global::Hygiene.Kind";
        const string Csv = "Format = global::GenesysCloud.Typed.QueryCollectionFormat.Csv";
        // Route placeholders, every kind of value.
        yield return $"[{G}.Get(\"/route/{{{value}}}\")] {T}<{M}> RouteString(string {n}, {token});";
        yield return $"[{G}.Delete(\"/route/{{{value}}}\")] {T} RouteNullable(int? {n}, {token});";
        yield return $"[{G}.Get(\"/route/{{{value}}}/x\")] {T}<{G}.ApiResponse<{M}>> RouteEnum({K} {n}, {token});";
        // Query scalars, collections (repeated keys and CSV), enums.
        yield return $"[{G}.Get(\"/q1\")] {T}<{M}> QueryInt([{G}.Query] int {n}, {token});";
        yield return $"[{G}.Get(\"/q2\")] {T}<{M}> QueryString([{G}.Query] string? {n}, {token});";
        yield return $"[{G}.Get(\"/q3\")] {T}<{M}> QueryNullable([{G}.Query] global::System.DateTimeOffset? {n}, {token});";
        yield return $"[{G}.Get(\"/q4\")] {T}<{M}> QueryMulti([{G}.Query] global::System.Collections.Generic.IEnumerable<int?>? {n}, {token});";
        yield return $"[{G}.Get(\"/q5\")] {T}<{M}> QueryMultiStrings([{G}.Query] string?[]? {n}, {token});";
        yield return $"[{G}.Get(\"/q6\")] {T}<{M}> QueryCsv([{G}.Query({Csv})] global::System.Collections.Generic.List<{K}>? {n}, {token});";
        yield return $"[{G}.Get(\"/q7\")] {T}<{M}> QueryCsvInts([{G}.Query({Csv})] int[]? {n}, {token});";
        yield return $"[{G}.Get(\"/q8\")] {T}<{M}> QueryEnum([{G}.Query] {K} {n}, {token});";
        yield return $"[{G}.Get(\"/q9\")] {T}<{M}> QueryNullableEnum([{G}.Query] {K}? {n}, {token});";
        // Headers.
        yield return $"[{G}.Get(\"/h1\")] {T}<{M}> HeaderString([{G}.Header(\"X-A\")] string? {n}, {token});";
        yield return $"[{G}.Get(\"/h2\")] {T}<{M}> HeaderEnum([{G}.Header(\"X-B\")] {K}? {n}, {token});";
        // Body, cancellation token, paged results.
        yield return $"[{G}.Post(\"/b\")] {T}<{M}> BodyOnly([{G}.Body] {M} {n}, {token});";
        yield return $"[{G}.Put(\"/b\"), {G}.Idempotent] {T} Token([{G}.Body] {M} body, {TokenType} {n});";
        yield return $"[{G}.Get(\"/p1\")] global::System.Collections.Generic.IAsyncEnumerable<{M}> Paged([{G}.Query] int {n}, {token});";
        yield return $"[{G}.Get(\"/p2\"), {G}.Paging({G}.PagingStyle.Cursor)] {G}.GenesysPageable<{M}> Pageable([{G}.Query] int {n}, {token});";
        // Crowded: the name as the route value among parameters named after every generated local.
        var crowd = new List<string> { $"string {n}" };
        void Add(string parameterName, string declaration) { if (parameterName != value) crowd.Add(declaration); }
        Add("path", $"[{G}.Query] int[]? path");
        Add("query", $"[{G}.Query({Csv})] {K}[]? query");
        Add("headers", $"[{G}.Header(\"X-H\")] string? headers");
        Add("request", $"[{G}.Body] {M} request");
        Add("__item", $"[{G}.Query] int? __item");
        Add("__parts", $"[{G}.Query(\"p\", {Csv})] string[]? __parts");
        Add("path_1", $"[{G}.Query] string? path_1");
        Add("value", $"[{G}.Header(\"X-V\")] {K}? value");
        Add("this", $"[{G}.Query] bool? @this");
        Add("cancellationToken", token);
        yield return $"[{G}.Patch(\"/crowded/{{{value}}}\")] {T}<{G}.ApiResponse<{M}>> Crowded({string.Join(", ", crowd)});";
    }
}
