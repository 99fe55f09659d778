using System.CommandLine;
using GenesysCloud.Typed.Scaffold;
using GenesysCloud.Typed.Scaffold.Document;
using GenesysCloud.Typed.Scaffold.Planning;

// genesys-typed: Genesys's API document in, annotated interfaces, models and a JsonSerializerContext out.
// genesys-typed index: the document in, the compact index the analyzers read out.
// Exit codes: 0 done, 1 the document cannot be scaffolded, 2 usage.

const int ExitDocument = 1;
const int ExitUsage = 2;

var spec = new Option<string>("--spec") { Description = "Genesys's API document: a file (JSON, optionally .gz) or a URL such as https://api.mypurecloud.com/api/v2/docs/swagger.", Required = true };
var output = new Option<string>("--out") { Description = "Folder to write (new, empty, or an earlier scaffold's, which is replaced whole).", Required = true };
var ns = new Option<string>("--namespace") { Description = "Namespace of the scaffolded code.", Required = true };
var tags = new Option<string[]>("--tag") { Description = "Scaffold this tag's operations (repeatable; e.g. Users, \"Workforce Management\"). Default: every tag.", AllowMultipleArgumentsPerToken = false };
var operations = new Option<string[]>("--operation") { Description = "Scaffold this operation (operationId or SDK method name, e.g. getUsers; repeatable).", AllowMultipleArgumentsPerToken = false };
var context = new Option<string>("--json-context") { Description = "Name of the JsonSerializerContext to write.", DefaultValueFactory = _ => "GenesysJson" };

var scaffold = new Command("scaffold", "Write one annotated partial interface per tag, one record per model and the JsonSerializerContext.")
{
    spec, output, ns, tags, operations, context,
};
scaffold.SetAction(async (parse, cancellationToken) =>
{
    var request = new ScaffoldRequest(parse.GetValue(spec)!, parse.GetValue(output)!, parse.GetValue(ns)!, parse.GetValue(tags) ?? [],
        parse.GetValue(operations) ?? [], parse.GetValue(context)!);
    return await ExitCodeOf(async () =>
    {
        var result = await Scaffolder.RunAsync(request, cancellationToken);
        foreach (var note in result.Notes) Console.Error.WriteLine("note: " + note);
        static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n:N0} {what}s";
        Console.WriteLine($"Scaffolded {Count(result.Methods, "operation")} in {Count(result.Interfaces, "interface")} and {Count(result.Models, "model")} into {Path.GetFullPath(request.Out)} " +
                          $"in {result.Elapsed.TotalSeconds:0.0} s{(result.Skipped > 0 ? $" ({result.Skipped} notes above)" : "")}.");
        return 0;
    });
});

var indexSpec = new Option<string>("--spec") { Description = spec.Description, Required = true };
var indexOut = new Option<string>("--out") { Description = "The index file to write, e.g. genesys-api.json (replaced when it exists).", Required = true };
var index = new Command("index", "Write the compact index of the document that the analyzers check declared endpoints against (add it as <AdditionalFiles Include=\"genesys-api.json\" />).")
{
    indexSpec, indexOut,
};
index.SetAction(async (parse, cancellationToken) => await ExitCodeOf(async () =>
{
    var written = await Indexer.RunAsync(parse.GetValue(indexSpec)!, parse.GetValue(indexOut)!, cancellationToken);
    Console.WriteLine($"Indexed {(written.Operations == 1 ? "1 operation" : $"{written.Operations:N0} operations")} into {written.Path} ({written.Bytes / 1024.0:N0} KB).");
    return 0;
}));

var root = new RootCommand("genesys-typed: scaffold GenesysCloud.Typed clients from Genesys Cloud's Platform API document, or index it for the analyzers.") { scaffold, index };
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine("error: " + error.Message);
    Console.Error.WriteLine($"Try 'genesys-typed {(args.FirstOrDefault() == "index" ? "index" : "scaffold")} --help'.");
    return ExitUsage;
}
return await parsed.InvokeAsync();

// The two ways a command fails, as exit codes with the error on standard error: 2 for usage, 1 for the document.
static async Task<int> ExitCodeOf(Func<Task<int>> command)
{
    try
    {
        return await command();
    }
    catch (UsageException ex)
    {
        Console.Error.WriteLine("error: " + ex.Message);
        return ExitUsage;
    }
    catch (DocumentException ex)
    {
        Console.Error.WriteLine("error: " + ex.Message);
        return ExitDocument;
    }
}
