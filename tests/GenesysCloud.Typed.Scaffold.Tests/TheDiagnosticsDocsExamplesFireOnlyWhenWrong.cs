using System.Collections.Immutable;
using System.Text.RegularExpressions;
using GenesysCloud.Typed.Scaffold.Document;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GenesysCloud.Typed.Scaffold.Tests;

/// <summary>docs/diagnostics.md's examples of the document checks are true of Genesys's document: each C# "Wrong:" block
/// of GCT0201–GCT0210, compiled as endpoints and analysed with the whole fixture's index, reports its ID, and each
/// "Right:" block does not.</summary>
public sealed partial class TheDiagnosticsDocsExamplesFireOnlyWhenWrong
{
    private static readonly Lazy<string> WholeIndex = new(() => IndexWriter.Write(Fixture.Document));

    public static TheoryData<string, string, string> Examples()
    {
        var docs = File.ReadAllText(Path.Combine(Repo(), "docs", "diagnostics.md")).Replace("\r\n", "\n");
        var data = new TheoryData<string, string, string>();
        for (var n = 201; n <= 210; n++)
        {
            var id = $"GCT0{n}";
            var start = docs.IndexOf($"\n## {id}\n", StringComparison.Ordinal);
            var end = docs.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
            var section = docs[start..(end < 0 ? docs.Length : end)];
            foreach (Match block in Block().Matches(section)) data.Add(id, block.Groups["kind"].Value, block.Groups["code"].Value);
        }
        return data;
    }

    [Fact]
    public void Every_document_diagnostic_has_a_wrong_example_in_CSharp()
    {
        var examples = Examples().Select(row => ((string)row[0], (string)row[1])).ToList();
        for (var n = 201; n <= 210; n++) Assert.Contains(($"GCT0{n}", "Wrong"), examples);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_docs_example_fires_only_when_wrong(string id, string kind, string code)
    {
        var members = new List<string>();
        var types = new List<string>();
        foreach (var line in code.Split('\n'))
            (line.StartsWith("public ", StringComparison.Ordinal) ? types : members).Add(line);
        // Models the example names but does not declare: empty classes (no property to check against the schema).
        var declared = string.Join("\n", types);
        var stubs = Regex.Matches(code, @"\b([A-Z][A-Za-z]+)\b").Select(m => m.Groups[1].Value).Distinct()
            .Where(name => !Known.Contains(name) && !Regex.IsMatch(declared, $@"\b(class|record|struct) {name}\b") && !code.Contains("Task " + name + "(", StringComparison.Ordinal) &&
                           !code.Contains("> " + name + "(", StringComparison.Ordinal))
            .Select(name => $"public sealed class {name} {{ }}");
        var source = "using System; using System.Collections.Generic; using System.Threading.Tasks; using GenesysCloud.Typed;\n" +
                     "[GenesysApi] public partial interface IExample\n{\n" + string.Join("\n", members) + "\n}\n" + declared + "\n" + string.Join("\n", stubs);
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "Example.cs");
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GenesysCloudConnection).Assembly.Location));
        var compilation = CSharpCompilation.Create("Example", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, source + "\n" + string.Join("\n", errors));

        var options = new AnalyzerOptions([new InMemoryFile("/repo/genesys-api.json", WholeIndex.Value)]);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new GenesysCloud.Typed.Generator.Analyzers.DocumentAnalyzer(), new GenesysCloud.Typed.Generator.Analyzers.ContractAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, true, false, false)).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "GCT0200");
        var reported = diagnostics.Where(d => d.Id == id).Select(d => d.GetMessage()).ToList();
        if (kind == "Wrong") Assert.True(reported.Count > 0, $"{id}'s wrong example reports nothing:\n{code}");
        else Assert.True(reported.Count == 0, $"{id}'s right example reports:\n{string.Join("\n", reported)}");
    }

    private static readonly HashSet<string> Known = ["Task", "Get", "Post", "Put", "Patch", "Delete", "Query", "Header", "Body", "RequiresScope", "Obsolete",
        "List", "IAsyncEnumerable", "Deprecated", "Genesys", "Version", "String"];

    [GeneratedRegex(@"\n(?<kind>Wrong|Right)[^\n]*:\n\n```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Block();

    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    private sealed class InMemoryFile(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
