using System.Text;
using System.Text.Json;

namespace GenesysCloud.Typed.Scaffold.Document;

/// <summary>Writes the compact index of an <see cref="ApiDocument"/> that the analyzers check declared endpoints against
/// (<c>genesys-api.json</c>): arrays rather than objects, one operation a line, in the document's order, so the whole
/// Platform API stays near 1 MB and a refresh diffs line by line. The shape (format version 1):
/// <code>
/// {"format":"genesys-typed-index","version":1,"source":"…",
///  "scopes":["analytics", …],
///  "operations":[
///   ["GET","/api/v2/users/{userId}",[["p","userId",1,"string"],["q","expand",0,"string[]","multi"]],"","User",["users","users:readonly"],0],
///   …],
///  "schemas":{"UpdateUser":["id","name", …], …}}
/// </code>
/// An operation: verb, route, parameters (place p/q/h, name, required 0/1, type, and for arrays their collection format
/// csv/multi), body schema and result schema (a definition's name, or "" when none or not a named definition), scopes,
/// flags (1 deprecated, 2 preview). <c>schemas</c>: the JSON property names of every definition an operation names as its
/// body or result.</summary>
internal static class IndexWriter
{
    public const string Format = "genesys-typed-index";
    public const int Version = 1;
    public const string FileName = "genesys-api.json";

    public static string Write(ApiDocument document)
    {
        var text = new StringBuilder(1 << 20);
        text.Append("{\"format\":").Append(Quote(Format)).Append(",\"version\":").Append(Version)
            .Append(",\"source\":").Append(Quote($"{document.Title} {document.Version}".Trim())).Append(",\n\"scopes\":[");
        text.AppendJoin(',', document.ScopeNames.Select(Quote)).Append("],\n\"operations\":[\n");
        var named = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Operations.Count; i++)
        {
            var operation = document.Operations[i];
            var body = SchemaName(operation.Body?.Type, document);
            var result = SchemaName(operation.Result, document);
            if (body.Length > 0) named.Add(body);
            if (result.Length > 0) named.Add(result);
            text.Append('[').Append(Quote(operation.Verb)).Append(',').Append(Quote(operation.Route)).Append(",[");
            text.AppendJoin(',', operation.Parameters.Select(Parameter));
            text.Append("],").Append(Quote(body)).Append(',').Append(Quote(result)).Append(",[");
            text.AppendJoin(',', operation.Scopes.Select(Quote));
            text.Append("],").Append((operation.Deprecated ? 1 : 0) | (operation.Preview ? 2 : 0)).Append(']');
            text.Append(i < document.Operations.Count - 1 ? ",\n" : "\n");
        }
        text.Append("],\n\"schemas\":{\n");
        var first = true;
        foreach (var name in named)
        {
            if (!first) text.Append(",\n");
            first = false;
            text.Append(Quote(name)).Append(":[").AppendJoin(',', document.Definitions[name].Properties.Select(p => Quote(p.JsonName))).Append(']');
        }
        return text.Append("\n}}\n").ToString();
    }

    /// <summary>The definition a body or result is, when it is one with properties; "" otherwise (an array, a map, a primitive).</summary>
    private static string SchemaName(ApiType? type, ApiDocument document) =>
        type is ApiType.Reference { Name: var name } && document.Definitions.TryGetValue(name, out var schema) && schema.EnumValues is null ? name : "";

    private static string Parameter(ApiParameter parameter)
    {
        var place = parameter.In switch { ParameterPlace.Path => "p", ParameterPlace.Query => "q", _ => "h" };
        var text = $"[\"{place}\",{Quote(parameter.Name)},{(parameter.Required ? 1 : 0)},{Quote(TypeText(parameter.Type))}";
        if (parameter.Type is ApiType.Array) text += parameter.Csv ? ",\"csv\"" : ",\"multi\"";
        return text + "]";
    }

    /// <summary>string, int32, int64, date-time, boolean, …, an array as <c>T[]</c>, a definition by its name.</summary>
    private static string TypeText(ApiType type) => type switch
    {
        ApiType.Primitive { Format: { Length: > 0 } format } => format,
        ApiType.Primitive primitive => primitive.Type,
        ApiType.Reference reference => reference.Name,
        ApiType.Array array => TypeText(array.Items) + "[]",
        ApiType.Map => "map",
        _ => "any",
    };

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
