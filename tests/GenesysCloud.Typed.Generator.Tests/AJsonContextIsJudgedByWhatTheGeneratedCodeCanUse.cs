using Verify = GenesysCloud.Typed.Generator.Tests.AnalyzerVerifier<GenesysCloud.Typed.Generator.Analyzers.ContractAnalyzer>;
using Microsoft.CodeAnalysis;
using GenesysCloud.Typed.Tests.Shared;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The JsonContext rules on the declarations a user may write: a generic method's T is never a missing contract
/// (the fix would write typeof(T)), and a context the interface cannot reach is named as such, not as "not a context".</summary>
public sealed class AJsonContextIsJudgedByWhatTheGeneratedCodeCanUse
{
    private static string Source(string context, string contextType, string members) =>
        "#nullable enable\nusing System.Collections.Generic; using System.Threading; using System.Threading.Tasks; using GenesysCloud.Typed; using Contoso.Models;\nnamespace N {\n" +
        context + "\n" +
        $"[GenesysApi(JsonContext = typeof({contextType}))] public partial interface IApi {{ {members} }}\n}}";

    private static async Task<IReadOnlyList<Diagnostic>> Analyze(string source)
    {
        var compilation = GeneratorHarness.Compile([Sources.Models, source]);
        var run = GeneratorHarness.RunGenerator(compilation);
        Assert.Empty(run.GeneratorDiagnostics);
        var diagnostics = await compilation.WithAnalyzers([new Analyzers.ContractAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    /// <summary>Every place a generic method's type parameter can stand for a JSON type.</summary>
    public static TheoryData<string> GenericMethods => new()
    {
        "[Get(\"/x\")] Task<T> M<T>(CancellationToken ct = default);",
        "[Get(\"/x\")] Task<List<T>> M<T>();",
        "[Get(\"/x\")] Task<T[]> M<T>();",
        "[Get(\"/x\")] Task<T?> M<T>() where T : class;",
        "[Get(\"/x\")] Task<ApiResponse<T>> M<T>();",
        "[Get(\"/x\")] IAsyncEnumerable<T> M<T>();",
        "[Get(\"/x\")] GenesysPageable<Dictionary<string, T>> M<T>();",
        "[Post(\"/x\")] Task M<T>([Body] T body);",
        "[Post(\"/x\")] Task<User> M<T>([Body] Dictionary<string, T> body);",
        "[Post(\"/x\"), AsyncJob(\"items\")] GenesysJob<T> M<T>([Body] User query);",
    };

    [Theory]
    [MemberData(nameof(GenericMethods))]
    public async Task A_generic_methods_type_parameter_is_not_a_missing_contract(string member)
    {
        var source = Source("[System.Text.Json.Serialization.JsonSerializable(typeof(User))] " + JsonContextStandIn.Class(),
            "AppJson", member);
        var diagnostics = await Analyze(source);
        Assert.Contains(diagnostics, d => d.Id == "GCT0114");
        Assert.DoesNotContain(diagnostics, d => d.Id == "GCT0122");
    }

    /// <summary>Contexts the interface cannot reach, and names that are no type at all.</summary>
    public static TheoryData<string, string, string> UnusableContexts => new()
    {
        { "public class Holder { " + JsonContextStandIn.Class("Ctx", "private sealed") + " }", "Holder.Ctx", "N.Holder.Ctx, which the interface cannot see" },
        { "public class Holder { " + JsonContextStandIn.Class("Ctx", "protected sealed") + " }", "Holder.Ctx", "N.Holder.Ctx, which the interface cannot see" },
        { "public class Holder { " + JsonContextStandIn.Class("Ctx", "private protected sealed") + " }", "Holder.Ctx", "N.Holder.Ctx, which the interface cannot see" },
        { "public class Holder { private class Inner { " + JsonContextStandIn.Class("Ctx", "public sealed") + " } }", "Holder.Inner.Ctx", "N.Holder.Inner.Ctx, which the interface cannot see" },
        { "", "Missing", "not a type" },
        { "public sealed class NotAContext { }", "NotAContext", "N.NotAContext, which is not a JsonSerializerContext" },
        { "public sealed class G<T> : System.Text.Json.Serialization.JsonSerializerContext { " + JsonContextStandIn.Members("G") + " }", "G<>", "N.G<>, which is abstract or generic" },
        { "public sealed class G<T> : System.Text.Json.Serialization.JsonSerializerContext { " + JsonContextStandIn.Members("G") + " }", "G<int>", "N.G<int>, which is abstract or generic" },
    };

    /// <summary>Contexts the generated code (nested in the interface) can reach although they are not public.</summary>
    public static TheoryData<string> ReachableContexts => new()
    {
        "public partial class BaseHost { " + JsonContextStandIn.Class("Ctx", "protected sealed") + " }\npublic partial class Derived : BaseHost { [GenesysApi(JsonContext = typeof(Ctx))] public partial interface IApi { [Get(\"/x\")] Task<User> M(); } }",
        "public partial class BaseHost { " + JsonContextStandIn.Class("Ctx", "private protected sealed") + " }\npublic partial class Derived : BaseHost { [GenesysApi(JsonContext = typeof(Ctx))] public partial interface IApi { [Get(\"/x\")] Task<User> M(); } }",
        "public partial class Host { " + JsonContextStandIn.Class("Ctx", "private sealed") + " [GenesysApi(JsonContext = typeof(Ctx))] public partial interface IApi { [Get(\"/x\")] Task<User> M(); } }",
        "internal partial class Host { " + JsonContextStandIn.Class("Ctx", "internal sealed") + " }\n[GenesysApi(JsonContext = typeof(Host.Ctx))] public partial interface IApi { [Get(\"/x\")] Task<User> M(); }",
    };

    [Theory]
    [MemberData(nameof(ReachableContexts))]
    public async Task A_context_the_generated_code_can_reach_is_accepted(string declarations)
    {
        var source = "#nullable enable\nusing System.Collections.Generic; using System.Threading; using System.Threading.Tasks; using GenesysCloud.Typed; using Contoso.Models;\nnamespace N {\n" +
                     declarations + "\n}";
        var compilation = GeneratorHarness.Compile([Sources.Models, source]);
        var diagnostics = await Analyze(source);
        Assert.DoesNotContain(diagnostics, d => d.Id == "GCT0123");
        Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [MemberData(nameof(UnusableContexts))]
    public async Task A_context_the_interface_cannot_use_says_why(string declaration, string contextType, string why)
    {
        var diagnostics = await Analyze(Source(declaration, contextType, "[Get(\"/x\")] Task<User> M();"));
        var gct0123 = Assert.Single(diagnostics, d => d.Id == "GCT0123");
        Assert.Contains($" is {why}; ", gct0123.GetMessage());
    }

    [Fact]
    public async Task A_json_context_that_cannot_be_used_is_a_build_error()
    {
        await Verify.VerifyAsync(ContextSources.Contexts + """
            [{|#0:GenesysApi(JsonContext = typeof(NotAContext))|}] public partial interface IA { [Get("/a")] Task<User> M(CancellationToken ct = default); }
            [{|#1:GenesysApi(JsonContext = typeof(Hidden.{|CS0122:Inner|}))|}] public partial interface IB { [Get("/a")] Task<User> M(CancellationToken ct = default); }
            [GenesysApi(JsonContext = null)] public partial interface IC { [Get("/a")] Task<User> M(CancellationToken ct = default); }
            public class Hidden
            {
                private sealed class Inner : System.Text.Json.Serialization.JsonSerializerContext
                {
                    public Inner() : base(null) { }
                    protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
                    public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
                }
            }
            """,
            Verify.Diagnostic("GCT0123").WithLocation(0).WithArguments("IA", "NotAContext, which is not a JsonSerializerContext"),
            Verify.Diagnostic("GCT0123").WithLocation(1).WithArguments("IB", "Hidden.Inner, which the interface cannot see"));
    }

    [Fact]
    public async Task A_private_context_beside_the_interface_in_the_same_class_can_be_used()
    {
        await Verify.VerifyAsync("""
            public partial class Container
            {
                [System.Text.Json.Serialization.JsonSerializable(typeof(User))]
                private sealed partial class PrivateJson : System.Text.Json.Serialization.JsonSerializerContext
                {
                    public PrivateJson() : base(null) { }
                    protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
                    public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
                }

                [GenesysApi(JsonContext = typeof(PrivateJson))]
                public partial interface ISiblingApi { [Get("/u")] Task<User> UAsync(CancellationToken ct = default); }
            }
            """);
    }
}
