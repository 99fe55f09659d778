using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>docs/reliability.md is the map of what we promise: each promise is a <c>###</c> heading naming the one test
/// class that proves it (<c>`RT: ClassName`</c>), and every test class of every test project is named by exactly one
/// promise. Test classes are named for their promise, never for when they were written, so none ends in "Tests"; that
/// also makes a reference anywhere in the docs to a class that was renamed away (they all ended in "Tests") stand out.</summary>
public class EveryTestClassKeepsAPromise
{
    /// <summary>The abbreviation docs/reliability.md uses for each test project, and its folder under tests/.</summary>
    public static readonly IReadOnlyDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["RT"] = "GenesysCloud.Typed.Tests",
        ["ET"] = "GenesysCloud.Typed.Testing.Tests",
        ["GT"] = "GenesysCloud.Typed.Generator.Tests",
        ["CT"] = "GenesysCloud.Typed.CodeFixes.Tests",
        ["ST"] = "GenesysCloud.Typed.Scaffold.Tests",
        ["RDT"] = "GenesysCloud.Typed.Redis.Tests",
        ["BT"] = "BatchUsers.Tests",
        ["FT"] = "BatchUsers.Fleet.Tests",
        ["XT"] = "ConversationExport.Tests",
    };

    public static TheoryData<string> Abbreviations() => new(Projects.Keys);

    private static readonly Regex PromiseClass = new(@"`(?<abbr>[A-Z]+): (?<class>\w+)`", RegexOptions.Compiled);

    // "RT: Class", "RT: Class.Method", "RT: Class.Method_prefix…" — in a table cell, a sentence or a code span.
    private static readonly Regex Reference = new(@"\b(?<abbr>[A-Z]{2,3}): (?<class>[A-Z]\w*)(?:\.(?<method>\w+)(?<prefix>…)?)?", RegexOptions.Compiled);

    // A class name of the old kind; a project name (GenesysCloud.Typed.Tests) is preceded by a dot and does not match.
    private static readonly Regex OldStyleName = new(@"(?<![.\w/])[A-Z][A-Za-z0-9]*Tests(?![\w./])", RegexOptions.Compiled);

    [Theory, MemberData(nameof(Abbreviations))]
    public void Every_test_class_is_named_by_exactly_one_promise(string abbreviation)
    {
        var promised = Promises().Where(p => p.Abbreviation == abbreviation).Select(p => p.Class).ToList();
        var classes = TestClasses(abbreviation).Keys;
        Findings.None(classes.Where(c => !promised.Contains(c)).Select(c => $"{abbreviation}: {c} keeps no promise in docs/reliability.md"));
        Findings.None(promised.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => $"{abbreviation}: {g.Key} is named by {g.Count()} promises"));
    }

    [Theory, MemberData(nameof(Abbreviations))]
    public void Every_promise_names_a_test_class_that_exists(string abbreviation)
    {
        var classes = TestClasses(abbreviation);
        Findings.None(Promises().Where(p => p.Abbreviation == abbreviation && !classes.ContainsKey(p.Class))
            .Select(p => $"'{p.Heading}' names {abbreviation}: {p.Class}, which is no test class of {Projects[abbreviation]}"));
    }

    [Theory, MemberData(nameof(Abbreviations))]
    public void Test_classes_are_named_for_a_promise_not_for_when_they_were_written(string abbreviation)
    {
        Findings.None(TestClasses(abbreviation).Keys.Where(c => c.EndsWith("Tests", StringComparison.Ordinal)));
    }

    [Theory, MemberData(nameof(Abbreviations))]
    public void Every_reference_in_the_docs_names_a_test_that_exists(string abbreviation)
    {
        var classes = TestClasses(abbreviation);
        var broken = new List<string>();
        foreach (var (file, text) in Documents())
        {
            foreach (Match m in Reference.Matches(text))
            {
                if (m.Groups["abbr"].Value != abbreviation) continue;
                var name = m.Groups["class"].Value;
                if (!classes.TryGetValue(name, out var methods)) { broken.Add($"{file}: '{m.Value}' names no test class"); continue; }
                if (!m.Groups["method"].Success) continue;
                var method = m.Groups["method"].Value;
                var found = m.Groups["prefix"].Success ? methods.Any(x => x.StartsWith(method, StringComparison.Ordinal)) : methods.Contains(method);
                if (!found) broken.Add($"{file}: '{m.Value}' names no test method of {name}");
            }
        }
        Findings.None(broken);
    }

    [Fact]
    public void No_document_names_a_test_class_by_an_old_name()
    {
        var stale = Documents().SelectMany(d => OldStyleName.Matches(d.Text).Select(m => $"{d.File}: {m.Value}")).Distinct();
        Findings.None(stale);
    }

    [Fact]
    public void Every_promise_heading_names_one_class()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "docs", "reliability.md"));
        var headings = lines.Where(l => l.StartsWith("### ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(headings);
        Findings.None(headings.Where(h => PromiseClass.Matches(h).Count != 1 || !Projects.ContainsKey(PromiseClass.Match(h).Groups["abbr"].Value)));
        Findings.None(headings.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    private sealed record Promise(string Heading, string Abbreviation, string Class);

    private static IEnumerable<Promise> Promises() =>
        File.ReadAllLines(Path.Combine(Root, "docs", "reliability.md"))
            .Where(l => l.StartsWith("### ", StringComparison.Ordinal))
            .Select(l => (Line: l, Match: PromiseClass.Match(l)))
            .Where(x => x.Match.Success)
            .Select(x => new Promise(x.Line, x.Match.Groups["abbr"].Value, x.Match.Groups["class"].Value));

    /// <summary>README.md and every page under docs/: what a reader follows to a test.</summary>
    private static IEnumerable<(string File, string Text)> Documents() =>
        Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(Root, "README.md"))
            .Select(f => (Path.GetRelativePath(Root, f), File.ReadAllText(f)));

    /// <summary>The classes of a test project that declare a test, each with its test methods' names.</summary>
    private static Dictionary<string, HashSet<string>> TestClasses(string abbreviation)
    {
        var folder = Path.Combine(Root, "tests", Projects[abbreviation]);
        var classes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal)
                || relative.StartsWith("Goldens", StringComparison.Ordinal))
            {
                continue;
            }
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var type in root.DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                var tests = type.Members.OfType<MethodDeclarationSyntax>().Where(IsTest).Select(m => m.Identifier.ValueText).ToList();
                if (tests.Count == 0) continue;
                if (!classes.TryGetValue(type.Identifier.ValueText, out var methods)) classes[type.Identifier.ValueText] = methods = [];
                methods.UnionWith(tests);
            }
        }
        return classes;
    }

    private static bool IsTest(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "Fact" or "Theory" or "FactAttribute" or "TheoryAttribute" or "Xunit.Fact" or "Xunit.Theory");

    private static string Root => Repository.Root;
}
