using GenesysCloud.Typed.Generator.Analyzers;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>Every diagnostic the analyzers can report has one ID of its own, a help link to its section of
/// docs/diagnostics.md, that section, and a line in AnalyzerReleases.Unshipped.md; the document checks keep to
/// GCT0200–GCT0229 and their own category.</summary>
public sealed class EveryDiagnosticLinksToItsDocsAndIsTracked
{
    private static string Repo() => Repository.Root;

    [Fact]
    public void Every_descriptor_links_to_its_section_of_the_docs_and_is_tracked()
    {
        var descriptors = new ScopeAnalyzer().SupportedDiagnostics.Concat(new ContractAnalyzer().SupportedDiagnostics)
            .Concat(new CancellationAnalyzer().SupportedDiagnostics).Concat(new JsonContextAnalyzer().SupportedDiagnostics).ToList();
        var docs = File.ReadAllText(Path.Combine(Repo(), "docs", "diagnostics.md"));
        var unshipped = File.ReadAllText(Path.Combine(Repo(), "generator", "GenesysCloud.Typed.Generator", "AnalyzerReleases.Unshipped.md"));
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        foreach (var d in descriptors)
        {
            Assert.Matches("^GCT[0-9]{4}$", d.Id);
            Assert.EndsWith("docs/diagnostics.md#" + d.Id.ToLowerInvariant(), d.HelpLinkUri);
            Assert.Contains($"## {d.Id}", docs);
            Assert.Contains(d.Id + " |", unshipped);
        }
    }

    [Fact]
    public void Every_document_descriptor_is_in_its_range_links_to_its_docs_and_is_tracked()
    {
        var descriptors = new DocumentAnalyzer().SupportedDiagnostics;
        var docs = File.ReadAllText(Path.Combine(Repo(), "docs", "diagnostics.md"));
        var unshipped = File.ReadAllText(Path.Combine(Repo(), "generator", "GenesysCloud.Typed.Generator", "AnalyzerReleases.Unshipped.md"));
        var others = new ScopeAnalyzer().SupportedDiagnostics.Concat(new ContractAnalyzer().SupportedDiagnostics).Concat(new CancellationAnalyzer().SupportedDiagnostics)
            .Concat(new JsonContextAnalyzer().SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        Assert.Equal(descriptors.Length, descriptors.Select(d => d.Id).Distinct().Count());
        foreach (var d in descriptors)
        {
            Assert.InRange(int.Parse(d.Id[3..]), 200, 229);
            Assert.DoesNotContain(d.Id, others);
            Assert.Equal("GenesysCloud.Document", d.Category);
            Assert.EndsWith("docs/diagnostics.md#" + d.Id.ToLowerInvariant(), d.HelpLinkUri);
            Assert.Contains($"## {d.Id}", docs);
            Assert.Contains($"{d.Id} | GenesysCloud.Document | {d.DefaultSeverity} |", unshipped);
        }
    }
}
