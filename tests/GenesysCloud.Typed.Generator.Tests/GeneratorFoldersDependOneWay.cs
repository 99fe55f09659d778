using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The generator's folders are its pipeline: symbols are read into facts (Reading/), every decision is made from
/// the facts (Rules/), the result is an equatable model (Model/) that the emitter turns into text (Emit/); the analyzers
/// (Analyzers/) sit beside, on the same reading and rules plus the API document's index (Document/). Each folder uses
/// only the folders below it, so a rule cannot hide in the reader, nor the reader wait on a rule. The generator's sources
/// are compiled here and every name they use is resolved: a use of a folder above fails, naming the file, the type and
/// what it used.</summary>
public class GeneratorFoldersDependOneWay
{
    private const string RootFolder = "(root)";

    /// <summary>Each folder and the folders it may use, lowest first.</summary>
    internal static readonly IReadOnlyList<(string Folder, string[] MayUse)> Layers =
    [
        ("Shared", []),
        ("Model", ["Shared"]),
        ("Diagnostics", ["Shared", "Model"]),
        ("Reading", ["Shared", "Model", "Diagnostics"]),
        ("Rules", ["Shared", "Model", "Diagnostics", "Reading"]),
        ("Document", ["Shared", "Model", "Diagnostics", "Reading"]),
        ("Emit", ["Shared", "Model"]),
        ("Analyzers", ["Shared", "Model", "Diagnostics", "Reading", "Rules", "Document"]),
        (RootFolder, ["Shared", "Model", "Reading", "Rules", "Emit"]),
    ];

    [Fact]
    public void No_folder_uses_a_folder_above_it()
    {
        var allowed = Layers.ToDictionary(l => l.Folder, l => new HashSet<string>(l.MayUse), StringComparer.Ordinal);
        Findings.None(Uses().Where(u => !allowed[u.From].Contains(u.To))
            .Select(u => $"{u.File}: {u.Type} uses {u.Used} ({u.From}/ may not use {u.To}/)")
            .Distinct());
    }

    [Fact]
    public void Every_source_file_sits_in_a_folder_of_the_layering()
    {
        var known = Layers.Select(l => l.Folder).ToHashSet(StringComparer.Ordinal);
        Findings.None(Sources().Where(s => !known.Contains(s.Folder)).Select(s => $"{s.File}: folder '{s.Folder}' is not in the layering"));
    }

    [Fact]
    public void Each_folder_is_its_own_namespace()
    {
        // A using directive then says which folder a file leans on; files compiled in from the runtime keep their own.
        Findings.None(Sources().Where(s => !s.Linked).SelectMany(s => Tree(s).GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>()
            .Where(n => n.Name.ToString() != Namespace(s.Folder))
            .Select(n => $"{s.File}: namespace {n.Name} should be {Namespace(s.Folder)}")));
    }

    [Fact]
    public void The_layering_allows_no_cycle()
    {
        // Holds the table itself: listed lowest first, a folder may use only folders listed before it.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (folder, mayUse) in Layers)
        {
            Findings.None(mayUse.Where(u => !seen.Contains(u)).Select(u => $"{folder} may use {u}, which is not below it"));
            seen.Add(folder);
        }
    }

    [Fact]
    public void The_check_resolves_every_name_in_the_generator()
    {
        // An unresolved name would be a use this test cannot see, so the generator must compile here without errors.
        Findings.None(Compilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.Contains(Uses(), u => u.From == "Rules" && u.To == "Reading");   // the walk does find uses across folders
    }

    /// <summary>Each way one file can lean on another folder, planted in a folder below it: the planted file, its text, the
    /// folder it uses and the name the finding must give.</summary>
    public static TheoryData<string, string, string, string> PlantedUses() => new()
    {
        // a type in a declaration
        { "Model/Planted.cs", "namespace GenesysCloud.Typed.Generator.Model; internal sealed record Planted(Rules.InterfaceReading Reading);", "Rules", "InterfaceReading" },
        // a static method
        { "Reading/Planted.cs", "namespace GenesysCloud.Typed.Generator.Reading; internal static class Planted { public static object? Role() => " +
                                "Rules.ParameterBinding.Of(Microsoft.CodeAnalysis.RefKind.None, true, false, false, false); }", "Rules", "ParameterBinding.Of" },
        // a type argument
        { "Emit/Planted.cs", "namespace GenesysCloud.Typed.Generator.Emit; internal static class Planted { public static int Count(System.Collections.Generic.List<Reading.KnownSymbols> all) => all.Count; }", "Reading", "KnownSymbols" },
        // nameof
        { "Shared/Planted.cs", "namespace GenesysCloud.Typed.Generator.Shared; internal static class Planted { public const string Name = nameof(Model.ApiModel); }", "Model", "ApiModel" },
        // typeof
        { "Diagnostics/Planted.cs", "namespace GenesysCloud.Typed.Generator.Diagnostics; internal static class Planted { public static System.Type Type => typeof(Document.ApiIndex); }", "Document", "ApiIndex" },
        // an extension method, in scope without a using directive
        { "Reading/Planted.cs", "namespace GenesysCloud.Typed.Generator.Reading; internal static class Planted { public static bool Write(string verb) => verb.PlantedIsWrite(); }", "Rules", "PlantedIsWrite" },
        // an attribute
        { "Rules/Planted.cs", "namespace GenesysCloud.Typed.Generator.Rules; [Analyzers.PlantedMarker] internal static class Planted { }", "Analyzers", "PlantedMarker" },
        // a class made with its implicit constructor
        { "Emit/Planted.cs", "namespace GenesysCloud.Typed.Generator.Emit; internal static class Planted { public static object Make() => new Rules.PlantedThing(); }", "Rules", "PlantedThing" },
        // a using directive, even when nothing of it is used
        { "Model/Planted.cs", "using GenesysCloud.Typed.Generator.Emit; namespace GenesysCloud.Typed.Generator.Model; internal static class Planted { }", "Emit", "Emit" },
        // a using static directive
        { "Model/Planted.cs", "using static GenesysCloud.Typed.Generator.Rules.ParameterBinding; namespace GenesysCloud.Typed.Generator.Model; internal static class Planted { }", "Rules", "ParameterBinding" },
        // a static method of a sibling (the analyzers and the emitter sit beside each other)
        { "Analyzers/Planted.cs", "namespace GenesysCloud.Typed.Generator.Analyzers; internal static class Planted { public static string Hint => Emit.HintNames.Natural(\"A\"); }", "Emit", "HintNames.Natural" },
    };

    // What planted uses reach for besides the generator's own sources: an extension method (in the parent namespace, so in
    // scope everywhere), an attribute, a class with only its implicit constructor.
    private static readonly (string File, string Text)[] PlantedTargets =
    [
        ("Rules/PlantedExtensions.cs", "namespace GenesysCloud.Typed.Generator; internal static class PlantedExtensions { public static bool PlantedIsWrite(this string verb) => verb == \"PUT\"; }"),
        ("Analyzers/PlantedMarker.cs", "namespace GenesysCloud.Typed.Generator.Analyzers; internal sealed class PlantedMarkerAttribute : System.Attribute { }"),
        ("Rules/PlantedThing.cs", "namespace GenesysCloud.Typed.Generator.Rules; internal sealed class PlantedThing { }"),
    ];

    [Theory, MemberData(nameof(PlantedUses))]
    public void A_use_of_a_folder_above_is_found(string file, string text, string above, string name)
    {
        var planted = CSharpSyntaxTree.ParseText(text, ParseOptions, path: file);
        var compilation = Compilation()
            .AddSyntaxTrees(PlantedTargets.Select(t => CSharpSyntaxTree.ParseText(t.Text, ParseOptions, path: t.File)))
            .AddSyntaxTrees(planted);
        Findings.None(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));

        var uses = FindUses(compilation, [planted]);
        Assert.False(Layers.Single(l => l.Folder == FolderOf(file)).MayUse.Contains(above));
        Assert.True(uses.Any(u => u.File == file && u.To == above && u.Used.Contains(name, StringComparison.Ordinal)),
            $"{file} uses {name} of {above}/, but the walk found only: " + string.Join("; ", uses.Select(u => $"{u.Used} ({u.To}/)")));
    }

    internal sealed record Use(string File, string From, string Type, string Used, string To);

    /// <summary>Every use, in a file of one folder, of a type or member declared in another folder.</summary>
    internal static IReadOnlyList<Use> Uses() => LazyUses.Value;

    private static readonly Lazy<IReadOnlyList<Use>> LazyUses = new(() => FindUses(Compilation(), Compilation().SyntaxTrees));

    private static IReadOnlyList<Use> FindUses(Compilation compilation, IEnumerable<SyntaxTree> walked)
    {
        var uses = new List<Use>();
        foreach (var tree in walked)
        {
            var from = FolderOf(tree.FilePath);
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var used = node switch
                {
                    UsingDirectiveSyntax u when u.Name is { } name => model.GetSymbolInfo(name).Symbol,
                    SimpleNameSyntax name when !name.Ancestors().OfType<UsingDirectiveSyntax>().Any() =>
                        (model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault()) is { Kind: not SymbolKind.Namespace } symbol
                            ? symbol : null,
                    _ => null,
                };
                if (used is null) continue;
                foreach (var file in DeclaringFiles(used, compilation))
                {
                    var to = FolderOf(file);
                    if (to == from) continue;
                    var user = node.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().LastOrDefault()?.Identifier.ValueText ?? "a using directive";
                    uses.Add(new Use(tree.FilePath, from, user, used.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), to));
                }
            }
        }
        return uses;
    }

    /// <summary>Where a used name is declared: a member in its own declaration's file; a type in each of its partial
    /// declarations' files; a namespace (a using directive) in the files that declare it.</summary>
    private static IEnumerable<string> DeclaringFiles(ISymbol used, Compilation compilation)
    {
        used = used is IMethodSymbol { ReducedFrom: { } extension } ? extension : used.OriginalDefinition;
        return used switch
        {
            IFieldSymbol { ContainingType.IsTupleType: true } => [],   // a tuple's element: its type was used where it was declared
            INamespaceSymbol ns => compilation.SyntaxTrees
                .Where(t => t.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Name.ToString() == ns.ToDisplayString()))
                .Select(t => t.FilePath),
            // An implicit constructor (an attribute's, a plain class's) is declared where its class is.
            IMethodSymbol { DeclaringSyntaxReferences.Length: 0, ContainingType: { } type } => type.DeclaringSyntaxReferences.Select(r => r.SyntaxTree.FilePath),
            INamedTypeSymbol or IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol =>
                used.DeclaringSyntaxReferences.Select(r => r.SyntaxTree.FilePath),
            _ => [],
        };
    }

    private sealed record Source(string File, string Folder, string FullPath, bool Linked);

    private static string Namespace(string folder) => folder == RootFolder ? "GenesysCloud.Typed.Generator" : "GenesysCloud.Typed.Generator." + folder;

    /// <summary>The generator project's own files and those it compiles in from the runtime (by their Link, as the IDE shows them).</summary>
    private static IReadOnlyList<Source> Sources()
    {
        var project = Path.Combine(Root, "generator", "GenesysCloud.Typed.Generator");
        var own = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(project, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Select(f => new Source(f, FolderOf(f), Path.Combine(project, f), Linked: false));
        var linked = XDocument.Load(Path.Combine(project, "GenesysCloud.Typed.Generator.csproj")).Descendants("Compile")
            .Where(c => c.Attribute("Include") is not null && c.Attribute("Link") is not null)
            .Select(c => (Include: c.Attribute("Include")!.Value.Replace('\\', '/'), Link: c.Attribute("Link")!.Value.Replace('\\', '/')))
            .Select(c => new Source(c.Link, FolderOf(c.Link), Path.GetFullPath(Path.Combine(project, c.Include)), Linked: true));
        return own.Concat(linked).OrderBy(s => s.File, StringComparer.Ordinal).ToList();
    }

    private static string FolderOf(string relative) => relative.Contains('/') ? relative[..relative.IndexOf('/')] : RootFolder;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, preprocessorSymbols: ["GENESYS_GENERATOR"]);

    private static SyntaxTree Tree(Source source) => CSharpSyntaxTree.ParseText(File.ReadAllText(source.FullPath), ParseOptions, path: source.File);

    private static CSharpCompilation Compilation() => LazyCompilation.Value;

    private static readonly Lazy<CSharpCompilation> LazyCompilation = new(() => CSharpCompilation.Create("GeneratorSources",
        Sources().Select(Tree),
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(SyntaxNode).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(CSharpSyntaxNode).Assembly.Location)),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)));

    private static string Root => Repository.Root;
}
