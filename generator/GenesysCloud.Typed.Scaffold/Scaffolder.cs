using System.Diagnostics;
using GenesysCloud.Typed.Scaffold.Document;
using GenesysCloud.Typed.Scaffold.Emit;
using GenesysCloud.Typed.Scaffold.Output;
using GenesysCloud.Typed.Scaffold.Planning;

namespace GenesysCloud.Typed.Scaffold;

/// <summary>What <c>genesys-typed scaffold</c> was asked for.</summary>
internal sealed record ScaffoldRequest(string Spec, string Out, string Namespace, IReadOnlyList<string> Tags, IReadOnlyList<string> Operations, string JsonContext);

/// <summary>What it wrote, for the summary line and for tests.</summary>
internal sealed record ScaffoldResult(int Interfaces, int Methods, int Models, int Skipped, TimeSpan Elapsed, IReadOnlyList<string> Notes);

/// <summary>Document → selection → plan → files (and the document's index, genesys-api.json) → output folder.</summary>
internal static class Scaffolder
{
    public static async Task<ScaffoldResult> RunAsync(ScaffoldRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Validate(request);
        var document = await DocumentReader.ReadAsync(request.Spec, cancellationToken).ConfigureAwait(false);
        var operations = Selection.Choose(document, request.Tags, request.Operations);
        var source = $"{document.Title} {document.Version}".Trim();
        var plan = Planner.Plan(document, operations, request.Namespace, request.JsonContext, source);
        var header = $"genesys-typed scaffold of {new string(source.Select(c => char.IsControl(c) ? ' ' : c).ToArray())}\n";
        // The index of the whole document beside the code, so hand-written endpoints are checked as well as the scaffolded ones.
        var files = Files(plan);
        files[IndexWriter.FileName] = IndexWriter.Write(document);
        OutputFolder.Write(request.Out, files, header);
        return new ScaffoldResult(plan.Interfaces.Count, plan.Interfaces.Sum(i => i.Methods.Count), plan.Models.Count, plan.Notes.Count, clock.Elapsed, plan.Notes);
    }

    public static SortedDictionary<string, string> Files(ScaffoldPlan plan)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var api in plan.Interfaces) files[api.Name + ".cs"] = InterfaceEmitter.Write(plan, api);
        foreach (var model in plan.Models) files[Path.Combine("Models", model.Name + ".cs")] = ModelEmitter.Write(plan, model);
        files[plan.ContextName + ".cs"] = ContextEmitter.Write(plan);
        return files;
    }

    private static void Validate(ScaffoldRequest request)
    {
        if (request.Namespace.Split('.').Any(part => !IsIdentifier(part)))
            throw new UsageException($"--namespace '{request.Namespace}' is not a C# namespace (dot-separated identifiers, no keywords).");
        if (!IsIdentifier(request.JsonContext))
            throw new UsageException($"--json-context '{request.JsonContext}' is not a C# class name.");
    }

    private static bool IsIdentifier(string text) =>
        text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_') && !Names.IsKeyword(text);
}
