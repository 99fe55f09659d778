using System.Collections.Immutable;
using System.Reflection;
using GenesysCloud.Typed.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The generator is incremental as the IDE needs: a new file or a method body elsewhere leaves every model and
/// output cached, an attribute argument regenerates only its interface, and what it caches holds no symbol, syntax,
/// location or compilation (which would defeat the cache).</summary>
public sealed class EditsRegenerateOnlyWhatTheyChange
{
    private const string Other = """
        using System.Threading.Tasks;
        using Contoso.Models;
        using GenesysCloud.Typed;
        namespace Contoso.Other
        {
            [GenesysApi]
            public partial interface IOtherApi
            {
                [Get("/api/v2/users/{userId}")]
                Task<User> GetAsync(string userId);
            }
        }
        """;

    private const string Unrelated = """
        namespace Contoso.App
        {
            public static class Worker
            {
                public static int Work(int x) { return x + 1; }
            }
        }
        """;

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compile([Sources.Models, Sources.UsersApi, Other, Unrelated]);
        var run = GeneratorHarness.RunGenerator(compilation);
        Assert.Equal(2, run.Result.GeneratedSources.Length);
        return (run.Driver, compilation);
    }

    private static ImmutableArray<IncrementalStepRunReason> ModelReasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[ApiGenerator.ModelStep]
            .SelectMany(step => step.Outputs).Select(o => o.Reason).ToImmutableArray();

    /// <summary>The run reasons of every step the generator names (model, hint names), by step.</summary>
    private static IEnumerable<(string Step, IncrementalStepRunReason Reason)> AllStepReasons(GeneratorDriver driver)
    {
        var tracked = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in ApiGenerator.Steps)
        {
            Assert.True(tracked.ContainsKey(name), "The step " + name + " did not run");
            foreach (var step in tracked[name])
                foreach (var output in step.Outputs) yield return (name, output.Reason);
        }
    }

    private static ImmutableArray<IncrementalStepRunReason> OutputReasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedOutputSteps
            .SelectMany(kv => kv.Value).SelectMany(step => step.Outputs).Select(o => o.Reason).ToImmutableArray();

    private static CSharpCompilation Replace(CSharpCompilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)old.Options, old.FilePath));
    }

    [Fact]
    public void A_new_unrelated_file_leaves_every_model_and_output_cached()
    {
        var (driver, compilation) = FirstRun();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Contoso.App { public class Added { } }",
            (CSharpParseOptions)compilation.SyntaxTrees.First().Options, "Added.cs"));

        driver = driver.RunGenerators(edited);

        Assert.All(ModelReasons(driver), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(OutputReasons(driver), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(AllStepReasons(driver), r => Assert.True(r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void A_method_body_edit_leaves_every_model_and_output_cached()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.RunGenerators(Replace(compilation, 3, Unrelated.Replace("return x + 1;", "return x * 2 + 1;")));

        Assert.All(ModelReasons(driver), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(OutputReasons(driver), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(AllStepReasons(driver), r => Assert.True(r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Changing_an_attribute_argument_regenerates_only_that_interface()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.RunGenerators(Replace(compilation, 1, Sources.UsersApi.Replace("[Patch(\"/api/v2/users/{userId}\"), RequiresScope(\"users\")]",
            "[Patch(\"/api/v2/users/{userId}\"), RequiresScope(\"users\", \"directory\")]")));

        var reasons = ModelReasons(driver);
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons.Count(r => r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
        var generated = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Contoso.Genesys.IUsersApi.g.cs");
        Assert.Contains("\"users\", \"directory\"", generated.SourceText.ToString());
    }

    [Fact]
    public void The_facts_and_the_model_hold_no_symbols_syntax_locations_or_compilations()
    {
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree) };
        var seen = new HashSet<Type>();
        void Walk(Type type)
        {
            if (!seen.Add(type) || type.IsPrimitive || type == typeof(string) || type.IsEnum) return;
            Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(type));
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
            {
                Walk(type.GetGenericArguments()[0]);
                return;
            }
            if (Nullable.GetUnderlyingType(type) is { } inner) { Walk(inner); return; }
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
                Walk(property.PropertyType);
        }
        Walk(typeof(ApiModel));
        Walk(typeof(Reading.InterfaceFacts));
        Assert.Contains(typeof(Reading.ParameterFacts), seen);
        Assert.Contains(typeof(Reading.TypeFacts), seen);
        Assert.Contains(typeof(ParameterModel), seen);
        Assert.Contains(typeof(EnumMemberModel), seen);
        Assert.All(seen.Where(t => t.IsClass && t != typeof(string)), t => Assert.True(t.IsSealed && t.GetMethod("<Clone>$") is not null, $"{t.Name} should be a sealed record"));
    }
}
