using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>Broken and unusual declarations: the generator never throws, and whatever it emits compiles — errors may
/// only come from the user's own code.</summary>
public sealed class BrokenDeclarationsNeverCrashTheGeneratorOrTheAnalyzers
{
    private const string Usings = "#nullable enable\nusing System; using System.Collections.Generic; using System.Threading; using System.Threading.Tasks; using GenesysCloud.Typed; using Contoso.Models;\n";

    public static TheoryData<string> Corpus => new()
    {
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(",                                   // truncated file
        "[GenesysApi] public partial interface I { [Get] Task<User> M(); }",                                          // missing argument
        "[GenesysApi] public partial interface I { [Get(42)] Task<User> M(); }",                                      // wrong argument type
        "[GenesysApi] public partial interface I { [Get(null)] Task<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"\")] Task<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a/{\")] Task<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a/{x}/{x}\")] Task<User> M(string x); }",
        "[GenesysApi] public partial interface I { [Get(\"/a?b=c\")] Task<User> M(); }",
        "[GenesysApi] public interface INotPartial { [Get(\"/a\")] Task<User> M(); }",
        "[GenesysApi] public partial class NotAnInterface { }",
        "[GenesysApi] public partial interface IGeneric<T> { [Get(\"/a\")] Task<T> M(); }",
        "public class Outer { [GenesysApi] public partial interface INested { [Get(\"/a\")] Task<User> M(); } }",
        "public partial class Outer<T> { [GenesysApi] public partial interface INested { [Get(\"/a\")] Task<User> M(); } }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<UnknownType> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a/{id}\")] Task<User> M(UnknownType id); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query] User notSimple); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query][Body] string both); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Body] User b); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\")] Task<User> M([Body] User a, [Body] User b); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(CancellationToken a, CancellationToken b); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Header(\"Bad Header\")] string h); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Header(\"X-A\")] User h); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Post(\"/b\")] Task<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] IEnumerable<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<Task<User>> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] ValueTask<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(params string[] rest); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(in int x); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] static Task<User> M() => null!; }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M() => Task.FromResult(new User()); }",
        "[GenesysApi] public partial interface I { int this[int i] { get; } }",
        "[GenesysApi] public partial interface @class { [Get(\"/a/{@event}\")] Task<User> @struct(string @event); }",
        "[GenesysApi] public partial interface Iü { [Get(\"/ü/{naïve}\")] Task<User> Métier(string naïve); }",
        "[GenesysApi] public partial interface I { [Get(\"/a/" + new string('x', 5000) + "\")] Task<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<Dictionary<string, List<KeyValuePair<int, User>>>> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(); }\n[GenesysApi] public partial interface I { [Get(\"/b\")] Task<User> N(); }",
        "[GenesysApi] public partial interface IA : IB { [Get(\"/a\")] Task<User> M(); }\npublic interface IB { Task<User> Plain(); }",
        "[GenesysApi] public partial interface IA : IA { }",
        "[GenesysApi][GenesysApi] public partial interface I { }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query(\"\")] int x); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query] int x, [Query(\"x\")] int y); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Paging((PagingStyle)99)] IAsyncEnumerable<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), RequiresScope(null)] Task<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(this int x); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User?> M(); [Get(\"/b\")] Task<ApiResponse<User?>> N(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a/{id}\")] Task<User> M(int? id); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query] IEnumerable<int?>? ids, [Query] List<SortOrder>? orders, [Query] DateOnly? day, [Query] TimeSpan? span); }",
        "namespace A.B { public static partial class C { public partial struct D { [GenesysApi] internal partial interface I { [Get(\"/a\")] Task M(); } } } }",
        "[GenesysApi] public partial interface I { [Delete(\"/a/{id}\")] Task M(string id, [Body] User b); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(); event System.Action E; }",
        "[GenesysApi] partial interface I { [Get(\"/a\")] Task<User> M(); } partial interface I { [Get(\"/b\")] Task<User> N(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(__arglist); }",
        // Attribute arguments the generator does not understand, and paging that cannot apply: stubs with GCT errors.
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Paging((PagingStyle)7)] IAsyncEnumerable<User> M(); }",
        // Jobs and body-paged searches (GCT0124, GCT0126–GCT0136).
        "[GenesysApi] public partial interface I { [Post(\"/a\")] GenesysJob<User> M([Body] User q); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), AsyncJob(\"x\")] GenesysJob<User> M(); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\"), AsyncJob(\"x\")] Task<User> M([Body] User q); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\"), AsyncJob(\"\")] GenesysJob<User> M([Body] User q); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\"), AsyncJob(null!)] GenesysJob<User> M([Body] User q); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\"), AsyncJob(\"x\", StatusPath = \"/a/{id}\")] GenesysJob<User> M([Body] User q); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\"), AsyncJob(\"x\", ResultsPath = \"/a/{jobId}/{jobId}\")] GenesysJob<User> M([Body] User q); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\"), AsyncJob(\"x\", StatusPath = \"no-slash\")] GenesysJob<User> M([Body] User q); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\"), AsyncJob(\"x\"), Paging(PagingStyle.Cursor)] GenesysJob<User> M([Body] User q); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\"), AsyncJob(\"x\")] IAsyncEnumerable<User> M([Body] User q); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Paging(PagingStyle.BodyPageNumber)] IAsyncEnumerable<User> M(); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\"), Paging(PagingStyle.BodyNextPage)] IAsyncEnumerable<User> M(); }",
        "[GenesysApi] public partial interface I { [Put(\"/a\"), Paging(PagingStyle.BodyNextPage)] GenesysPageable<User> M([Body] User q); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\"), Paging(PagingStyle.Cursor)] IAsyncEnumerable<User> M([Body] User q); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\"), Paging(PagingStyle.BodyPageNumber)] IAsyncEnumerable<User> M([Body] string q); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\"), Paging(PagingStyle.BodyNextPage)] IAsyncEnumerable<User> M([Body] int[] q); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\"), Paging(PagingStyle.BodyNextPage)] GenesysPageable<User> M([Body] System.Collections.Generic.List<User> q); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\"), Paging(PagingStyle.BodyPageNumber)] IAsyncEnumerable<User> M([Body] int q); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Paging((PagingStyle)(-1))] GenesysPageable<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Paging] IAsyncEnumerable<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Paging(PagingStyle.Cursor, ItemsProperty = \"\")] IAsyncEnumerable<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Paging(PagingStyle.Cursor, ItemsProperty = null)] GenesysPageable<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query(Format = (QueryCollectionFormat)9)] int[] ids); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query(Format = (QueryCollectionFormat)9)] int scalar); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query(\"k\", Format = (QueryCollectionFormat)(-2))] IEnumerable<SortOrder>? orders); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\")] IAsyncEnumerable<User> M(); }",
        "[GenesysApi] public partial interface I { [Delete(\"/a\"), Paging(PagingStyle.Cursor)] GenesysPageable<User> M(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Paging(PagingStyle.Cursor)] Task<User> M(); }",
        // Names and enums the emitter once tripped over.
        "[GenesysApi] public partial interface I { [Post(\"/a/{path}\")] Task<User> M(string path, [Query] int[] query, [Header(\"X-H\")] string headers, [Body] User request, CancellationToken __item); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query] Dup d, [Query] Big b); }\npublic enum Dup { A = 1, B = 1, C = -1 }\npublic enum Big : ulong { Max = ulong.MaxValue }",
        "namespace N.A { public enum B_C { X } } namespace N.A_B { public enum C { Y } }\n[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query] N.A.B_C a, [Query] N.A_B.C b); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> GenesysClient(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\"), Obsolete] Task<Gone> M([Query] Old o); }\n[Obsolete(\"g\", true)] public class Gone { }\n[Obsolete] public enum Old { A }",
        // Body and result types that cannot be type arguments or JSON: ref structs, pointers, function pointers (GCT0121).
        "[GenesysApi] public partial interface I { [Post(\"/api/v2/raw\")] Task PostRaw([Body] ReadOnlySpan<byte> payload, CancellationToken ct = default); }",
        "[GenesysApi] public partial interface I { [Put(\"/a\")] Task M([Body] Span<char> s); [Post(\"/b\")] Task N([Body] RawRef r); [Post(\"/c\")] Task O([Body] TypedReference t); }\npublic ref struct RawRef { public int X; }",
        "[GenesysApi] public unsafe partial interface I { [Post(\"/a\")] Task M([Body] int* payload); }",
        "[GenesysApi] public unsafe partial interface I { [Post(\"/a\")] Task M([Body] delegate*<int, void> f); [Post(\"/b\")] Task N([Body] int*[] many); [Post(\"/c\")] Task O([Body] List<int*[]> nested); }",
        "[GenesysApi] public unsafe partial interface I { [Get(\"/a\")] Task<int*[]> M(); [Get(\"/b\")] IAsyncEnumerable<delegate*<void>[]> N(); [Get(\"/c\")] Task<ApiResponse<void*[]>> O(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a/{id}\")] Task<User> M(ReadOnlySpan<char> id, [Query] Span<int> q, [Header(\"X-A\")] ReadOnlySpan<byte> h); }",
        "[GenesysApi] public partial interface I { [Post(\"/a\")] Task<dynamic> M([Body] dynamic body); [Get(\"/b\")] Task<object> N(); }",
        // Pointers in the signature of a member that is stubbed: the client class is an unsafe context.
        "[GenesysApi] public unsafe partial interface I { int* Raw(); }",
        "[GenesysApi] public partial interface I { unsafe int* Raw(); unsafe void Take(delegate*<int, void> f, int** pp); unsafe int* P { get; } unsafe int this[int* p] { get; } }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] unsafe Task<User> M([Query] int* p); [Get(\"/b/{id}\")] unsafe Task<User> N(int* id); }",
        // Static abstract members: the interface cannot be IGenesysApi<T>'s T (GCT0103, nothing generated); static virtual ones are fine.
        "[GenesysApi] public partial interface I { static abstract string Area { get; } [Get(\"/a\")] Task<User> M(); }",
        "[GenesysApi] public partial interface I { static abstract I Make(); static abstract event Action E; [Get(\"/a\")] Task<User> M(); }",
        "public interface IB { static abstract int X(); }\n[GenesysApi] public partial interface I : IB { [Get(\"/a\")] Task<User> M(); }",
        "public interface IB { static abstract int X(); }\n[GenesysApi] public partial interface I : IB { static int IB.X() => 1; [Get(\"/a\")] Task<User> M(); }",
        "[GenesysApi] public partial interface I { static virtual string Area => \"users\"; static string Other => \"x\"; [Get(\"/a\")] Task<User> M(); }",
        // Stub signatures repeat every ref kind, scoped, params and nullability attribute; no default values.
        "[GenesysApi] public partial interface I { [Get(\"/a/{id}\")] Task<User> Get(ref readonly int id, CancellationToken ct = default); }",
        "[GenesysApi] public partial interface I { ref int Counter(); ref readonly int Counter2(); [Get(\"/a\")] ref Task<User> M(); [Get(\"/b\")] ref readonly Task N(); }",
        "[GenesysApi] public partial interface I { void A(scoped ref int x); void B(scoped ReadOnlySpan<int> s); void C(out int x); void D(in int x, ref int y); int E(params int[] xs); }",
        "[GenesysApi] public partial interface I { void O(out Span<int> s); void R(ref Span<int> s, scoped ref Span<int> t); void S(scoped Span<int> s, Span<int> t, in Span<int> u, scoped in Span<int> v); ref int U([System.Diagnostics.CodeAnalysis.UnscopedRef] ref Span<int> s); }",
        "[GenesysApi] public partial interface I { void D(int x = 5, string? s = null, [System.Runtime.CompilerServices.CallerMemberName] string caller = \"\", CancellationToken ct = default); }",
        "[GenesysApi] public partial interface I { bool TryGet([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value); [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(\"s\")] string? Echo(string? s); }",
        "[GenesysApi] public partial interface I { ref int R([System.Diagnostics.CodeAnalysis.UnscopedRef] out int x); void N([System.Diagnostics.CodeAnalysis.DisallowNull] ref string? s, [System.Diagnostics.CodeAnalysis.MaybeNull] out string t); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<(int a, string b)> M(); (int a, string b) Tup((User u, int n) x); void Arr(int[,] x, int?[]? y, nint n, nuint u); }",
        // Properties and indexers: init-only setters, ref returns, ref-kind parameters, nullability attributes.
        "[GenesysApi] public partial interface I { string Name { get; init; } ref int Ref { get; } ref readonly int RefRo { get; } int this[in int i] { get; } }",
        "[GenesysApi] public partial interface I { [System.Diagnostics.CodeAnalysis.AllowNull] string P { get; set; } [System.Diagnostics.CodeAnalysis.MaybeNull] string Q { get; } string? this[string k] { get; init; } int this[params int[] i] { get; } }",
        // Generic (stubbed) methods keep what T? means: class, struct or default constraints on the explicit implementation.
        "[GenesysApi] public partial interface I { [Get(\"/x\")] Task<T?> Get<T>(CancellationToken ct = default) where T : class; }",
        "[GenesysApi] public partial interface I { [Get(\"/x\")] Task<T?> Get<T>(CancellationToken ct = default); T? Plain<T>(T? value); }",
        "[GenesysApi] public partial interface I { T? S<T>() where T : struct; T? U<T>() where T : unmanaged; T? N<T>() where T : notnull; T? B<T>() where T : Exception; T? C<T>() where T : class?; T? E<T>() where T : Enum; T? K<T, U>(U? u) where T : IComparable<T> where U : struct; }",
        "[GenesysApi] public partial interface I { [return: System.Diagnostics.CodeAnalysis.MaybeNull] T Gen<T>(); void Take<T>([System.Diagnostics.CodeAnalysis.AllowNull] T t) where T : notnull; }",
        // Nullability attributes on endpoint parameters and returns are repeated on the implementation (CS8769/CS8767 otherwise).
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query, System.Diagnostics.CodeAnalysis.AllowNull] string name, [Query, System.Diagnostics.CodeAnalysis.DisallowNull] string? other); }",
        "[GenesysApi] public partial interface I { [Post(\"/a/{id}\")] Task M([System.Diagnostics.CodeAnalysis.AllowNull] string id, [Body, System.Diagnostics.CodeAnalysis.AllowNull] User u, [Header(\"X-A\"), System.Diagnostics.CodeAnalysis.AllowNull] string h); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] [return: System.Diagnostics.CodeAnalysis.NotNull] Task<User?> M(); [Get(\"/b\")] [return: System.Diagnostics.CodeAnalysis.MaybeNull] Task<User> N(); }",
        // File-local interfaces (or nested in a file-local type) cannot be extended from another file (GCT0103).
        "[GenesysApi] file partial interface IFileApi { [Get(\"/a\")] Task<User> M(); }",
        "file partial class F { [GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M(); } }",
        // Hint names are unique ignoring case and after sanitising; same-named source types (CS0101) never crash.
        "namespace Hint { [GenesysApi] public partial interface IUsersApi { [Get(\"/a\")] Task<User> M(); } [GenesysApi] public partial interface IUSersApi { [Get(\"/a\")] Task<User> M(); } }",
        "[GenesysApi] public partial interface IA { } [GenesysApi] public partial interface Ia { } [GenesysApi] public partial interface iA { } [GenesysApi] public partial interface ia { }",
        "[GenesysApi] public partial interface @class { } [GenesysApi] public partial interface _class { } [GenesysApi] public partial interface I‿A { } [GenesysApi] public partial interface I_A { }",
        "[GenesysApi] public partial interface Iü { } [GenesysApi] public partial interface IÜ { }",
        "public partial class Outer { [GenesysApi] public partial interface I { } } public partial struct Outer { [GenesysApi] public partial interface I { } }",
        "namespace N { [GenesysApi] public partial interface J { } } public partial class N { [GenesysApi] public partial interface J { } }",
        // [GenesysApi] is recognised by its symbol, not by how it is spelled.
        "public sealed class MyGenesysApiNoteAttribute : Attribute { }\n[MyGenesysApiNote] public partial interface I { [Get(\"/a\")] Task<User> M(); }\n[GenesysApi] public partial interface I { }",
        "using G = GenesysCloud.Typed.GenesysApiAttribute;\n[G] public partial interface I { [Get(\"/a\")] Task<User> M(); }\n[G] public partial interface I { }",
        "[GenesysApiAttribute] public partial interface I { [Get(\"/a\")] Task<User> M(); }\n[GenesysCloud.Typed.GenesysApi] public partial interface I { }",
        // Query collections: struct collections are never null; a GetEnumerator of another element type or IEnumerable<T> twice.
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query] System.Collections.Immutable.ImmutableArray<int> ids, [Query(Format = QueryCollectionFormat.Csv)] ArraySegment<string> names); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query] Odd odd, [Query] Twice twice, [Query(Format = QueryCollectionFormat.Csv)] Odd csv); }\npublic sealed class Odd : IEnumerable<string> { public IEnumerator<int> GetEnumerator() { yield break; } IEnumerator<string> IEnumerable<string>.GetEnumerator() { yield break; } System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator(); }\npublic sealed class Twice : IEnumerable<int>, IEnumerable<long> { IEnumerator<int> IEnumerable<int>.GetEnumerator() { yield break; } IEnumerator<long> IEnumerable<long>.GetEnumerator() { yield break; } System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => ((IEnumerable<int>)this).GetEnumerator(); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query] Span<int> ids, [Query] ReadOnlySpan<string> names); }",
        // Re-abstracted and hidden members of base interfaces.
        "public interface IB { Task<User> M() => Task.FromResult(new User()); int P => 1; }\n[GenesysApi] public partial interface I : IB { abstract Task<User> IB.M(); abstract int IB.P { get; } }",
        "public interface IB { [Get(\"/a\")] Task<User> M() => Task.FromResult(new User()); }\n[GenesysApi] public partial interface I : IB { abstract Task<User> IB.M(); }",
        "public interface IB { [Get(\"/a\")] Task<User> M(); }\n[GenesysApi] public partial interface I : IB { [Get(\"/b\")] new Task<User> M(); }",
    };

    /// <summary>C# 13 signatures (.NET 9+ SDKs): params collections, allows ref struct, ref structs implementing interfaces.</summary>
    public static TheoryData<string> CSharp13Corpus => new()
    {
        "[GenesysApi] public partial interface I { void M<T>(T t) where T : allows ref struct; void N<T>(scoped T t, ref T u) where T : allows ref struct; T O<T, U>(U u) where T : class where U : allows ref struct; }",
        "[GenesysApi] public partial interface I { int P(params ReadOnlySpan<int> xs); void Q(params IEnumerable<string> xs); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query] params IEnumerable<int> ids); [Get(\"/b\")] Task<User> N([Query] params List<string> names); [Get(\"/c\")] Task<User> O([Query] params ReadOnlySpan<int> ids); }",
        "[GenesysApi] public partial interface I { [Get(\"/a\")] Task<User> M([Query] RefIds ids); [Post(\"/b\")] Task N([Body] RefIds body); }\npublic ref struct RefIds : IEnumerable<int> { public IEnumerator<int> GetEnumerator() { yield break; } System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator(); }",
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void The_generator_never_throws_and_its_output_compiles(string declaration) => NeverThrowsAndCompiles(declaration, null);

    [Theory]
    [MemberData(nameof(CSharp13Corpus))]
    public void The_generator_never_throws_and_its_output_compiles_in_CSharp13(string declaration) => NeverThrowsAndCompiles(declaration, GeneratorHarness.CSharp13);

    [Theory]
    [MemberData(nameof(Corpus))]
    public Task The_analyzers_never_throw_and_explain_every_stub_with_an_error(string declaration) => AnalyzersExplainEveryStub(declaration, null);

    [Theory]
    [MemberData(nameof(CSharp13Corpus))]
    public Task The_analyzers_never_throw_and_explain_every_stub_with_an_error_in_CSharp13(string declaration) => AnalyzersExplainEveryStub(declaration, GeneratorHarness.CSharp13);

    private static void NeverThrowsAndCompiles(string declaration, Microsoft.CodeAnalysis.CSharp.CSharpParseOptions? parseOptions)
    {
        // C# 13 on net10.0: allows ref struct needs a runtime with by-ref-like generics.
        var compilation = GeneratorHarness.Compile([Sources.Models, Usings + declaration], parseOptions is null ? GeneratorHarness.Target.Net80 : GeneratorHarness.Target.Net100,
            parseOptions: parseOptions);
        var userErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToHashSet();

        var run = GeneratorHarness.RunGenerator(compilation);

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        foreach (var source in run.Result.GeneratedSources) LineWidth.AssertLinesFit(source.SourceText.ToString());
        var generatedErrors = run.Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } t && run.GeneratedTrees.Contains(t))
            .Where(d => !userErrors.Contains(d.Id))   // the same error the user's own code already has (an unknown type, say)
            .ToList();
        Assert.True(generatedErrors.Count == 0, string.Join("\n", generatedErrors));
        if (userErrors.Count == 0)
        {
            var all = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(all.Count == 0, string.Join("\n", all));
        }
    }

    private static async Task AnalyzersExplainEveryStub(string declaration, Microsoft.CodeAnalysis.CSharp.CSharpParseOptions? parseOptions)
    {
        // C# 13 on net10.0: allows ref struct needs a runtime with by-ref-like generics.
        var compilation = GeneratorHarness.Compile([Sources.Models, Usings + declaration], parseOptions is null ? GeneratorHarness.Target.Net80 : GeneratorHarness.Target.Net100,
            parseOptions: parseOptions);
        var exceptions = new List<Exception>();
        var options = new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(
            new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([]), (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers([new Analyzers.ContractAnalyzer(), new Analyzers.ScopeAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var run = GeneratorHarness.RunGenerator(compilation);
        var stubbed = run.Result.GeneratedSources.Any(s => GeneratorHarness.Unwrapped(s.SourceText.ToString()).Contains("has no generated implementation"));
        var nothingGenerated = run.Result.GeneratedSources.Length == 0 && declaration.Contains("[GenesysApi]") && compilation.GetDiagnostics().All(d => d.Severity != DiagnosticSeverity.Error);
        if (stubbed || nothingGenerated)
            Assert.True(diagnostics.Any(d => d.Id.StartsWith("GCT01") && d.Severity == DiagnosticSeverity.Error),
                "The generator stubbed or skipped this declaration but no GCT error explains it: " + declaration);
    }

    [Fact]
    public void The_corpus_has_at_least_fifty_cases() => Assert.True(Corpus.Count >= 50, Corpus.Count.ToString());
}
