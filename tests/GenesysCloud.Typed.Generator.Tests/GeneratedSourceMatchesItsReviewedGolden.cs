namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The generated source for each golden declaration set is exactly its reviewed file under Goldens/, the set of
/// files is exact, and two runs give the same text.</summary>
public sealed class GeneratedSourceMatchesItsReviewedGolden
{
    public static TheoryData<string, string> Cases => new()
    {
        { nameof(Sources.UsersApi), Sources.UsersApi },
        { nameof(Sources.Bindings), Sources.Bindings },
        { nameof(Sources.NestedAndGlobal), Sources.NestedAndGlobal },
        { nameof(Sources.Inheritance), Sources.Inheritance },
        { nameof(Sources.Paging), Sources.Paging },
        { nameof(Sources.Unsupported), Sources.Unsupported },
        { nameof(Sources.Unusual), Sources.Unusual },
        { nameof(Sources.JsonContext), Sources.JsonContext },
    };

    private static readonly Dictionary<string, string[]> ExpectedFiles = new()
    {
        [nameof(Sources.UsersApi)] = ["Contoso.Genesys.IUsersApi.g.cs"],
        [nameof(Sources.Bindings)] = ["Contoso.Genesys.IBindingsApi.g.cs"],
        [nameof(Sources.NestedAndGlobal)] = ["Contoso.Nested.Outer.Middle.IInnerApi.g.cs", "IGlobalApi.g.cs"],
        [nameof(Sources.Inheritance)] = ["Contoso.Inherit.IReadUsersApi.g.cs", "Contoso.Inherit.IWriteUsersApi.g.cs"],
        [nameof(Sources.Paging)] = ["Contoso.Paging.IPagingApi.g.cs"],
        [nameof(Sources.Unsupported)] = ["Contoso.Broken.IUnsupportedApi.g.cs"],
        [nameof(Sources.JsonContext)] = ["Contoso.Genesys.IContextApi.g.cs"],
        [nameof(Sources.Unusual)] = ["Contoso.Unusual.Casing.INotedApi.g.cs", "Contoso.Unusual.Casing.IUsersApi.1b3e4b7a.g.cs", "Contoso.Unusual.Casing.IUSersApi.4d68c19a.g.cs",
            "Contoso.Unusual.IUnusualApi.g.cs"],
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_source_matches_the_golden_file_and_the_file_set_is_exact(string name, string source)
    {
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.Compile([Sources.Models, source]));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Null(run.Result.Exception);
        Assert.Equal(ExpectedFiles[name], run.Result.GeneratedSources.Select(s => s.HintName).Order());
        foreach (var generated in run.Result.GeneratedSources)
            GoldenFile.Verify(generated.SourceText.ToString(), $"{name}/{generated.HintName}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_is_deterministic(string name, string source)
    {
        var first = GeneratorHarness.RunGenerator(GeneratorHarness.Compile([Sources.Models, source]));
        var second = GeneratorHarness.RunGenerator(GeneratorHarness.Compile([Sources.Models, source]));
        Assert.Equal(first.Result.GeneratedSources.Select(s => s.SourceText.ToString()), second.Result.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.NotEmpty(name);
    }
}
