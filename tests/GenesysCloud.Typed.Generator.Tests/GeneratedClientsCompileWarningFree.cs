namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The generated code compiles with no warning at all (every warning an error, nullable on) against the
/// net8.0 and net10.0 reference assemblies.</summary>
public sealed class GeneratedClientsCompileWarningFree
{
    public static TheoryData<string, GeneratorHarness.Target> Cases()
    {
        var data = new TheoryData<string, GeneratorHarness.Target>();
        foreach (var source in new[] { nameof(Sources.UsersApi), nameof(Sources.Bindings), nameof(Sources.NestedAndGlobal), nameof(Sources.Inheritance), nameof(Sources.Paging), nameof(Sources.Unsupported), nameof(Sources.Unusual),
                     nameof(Sources.JsonContext) })
        foreach (var target in new[] { GeneratorHarness.Target.Net80, GeneratorHarness.Target.Net100 })
            data.Add(source, target);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_compiles_warning_free(string name, GeneratorHarness.Target target)
    {
        var source = (string)typeof(Sources).GetField(name)!.GetValue(null)!;
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.Compile([Sources.Models, source], target));

        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.ToString())));
        Assert.NotEmpty(run.GeneratedTrees);
    }

    [Fact]
    public void A_client_created_through_the_static_abstract_factory_compiles_in_a_generic_context()
    {
        const string usage = """
            using GenesysCloud.Typed;
            using Contoso.Genesys;
            public static class Usage
            {
                public static T Make<T>(GenesysCloudConnection c) where T : IGenesysApi<T> => T.Create(c);
                public static IUsersApi Users(GenesysCloudConnection c) => Make<IUsersApi>(c);
                public static int Count => IUsersApi.Endpoints.Count;
            }
            """;
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.Compile([Sources.Models, Sources.UsersApi, usage]));
        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.ToString())));
    }
}
