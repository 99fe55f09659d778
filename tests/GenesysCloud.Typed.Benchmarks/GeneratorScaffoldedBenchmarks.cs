using BenchmarkDotNet.Attributes;
using GenesysCloud.Typed.Scaffold;
using GenesysCloud.Typed.Scaffold.Document;
using GenesysCloud.Typed.Scaffold.Planning;

namespace GenesysCloud.Typed.Benchmarks;

/// <summary>Our generator on the whole Platform API as genesys-typed scaffolds it from the full-size fixture (3,315
/// operations in 83 interfaces over about 5,000 models and a JsonContext naming them): a full generation, and the re-run
/// after an edit in an unrelated file. System.Text.Json's generator does not run here, so this is our share alone.</summary>
public class GeneratorScaffoldedBenchmarks : GeneratorRunBenchmarks
{
    [GlobalSetup]
    public void Setup()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "genesys-platform-api.swagger.json.gz");
        var document = DocumentReader.Read(File.ReadAllBytes(fixture), fixture);
        var plan = Planner.Plan(document, document.Operations, "Acme.Genesys", "AcmeJson", "fixture");
        const string usings = "global using System; global using System.Collections.Generic; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;";
        var files = Scaffolder.Files(plan).Select(f => (f.Value, f.Key)).Append((usings, "Usings.cs")).ToArray();
        Prepare(GeneratorInputs.Compile("Scaffolded", files));
    }
}
