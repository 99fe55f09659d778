using GenesysCloud.Typed.Scaffold.Document;

namespace GenesysCloud.Typed.Scaffold.Planning;

/// <summary>How an operation is called, recognised from Genesys's shapes (../shared/GENESYS.md, "Pagination").</summary>
internal abstract record Shape
{
    /// <summary><c>Task</c> or <c>Task&lt;T&gt;</c>.</summary>
    public sealed record Plain : Shape;

    /// <summary>A GET listing: <c>entities</c> + <c>pageNumber</c>/<c>pageCount</c>/<c>nextUri</c>, or + <c>cursor</c>.</summary>
    public sealed record Listing(ApiType Item, bool Cursor) : Shape;

    /// <summary>A POST search paged in its body: <c>results</c> + <c>pageCount</c> (by page number) or + <c>nextPage</c>.</summary>
    public sealed record Search(ApiType Item, bool NextPage) : Shape;

    /// <summary>A POST answering <c>jobId</c>, with a status at <c>…/{jobId}</c> and results by cursor at <c>…/{jobId}/results</c>.</summary>
    public sealed record Job(ApiType Item, string ItemsProperty) : Shape;
}

internal sealed class Conventions(ApiDocument document)
{
    private readonly Dictionary<string, ApiOperation> _byKey = document.Operations.ToDictionary(o => o.Key, StringComparer.Ordinal);

    public Shape Of(ApiOperation operation)
    {
        var result = Model(operation.Result);
        if (operation.Verb == "GET" && result is not null && ArrayItem(result, "entities") is { } entity)
        {
            if (Has(result, "cursor") || Has(result, "cursors")) return new Shape.Listing(entity, Cursor: true);
            if (Has(result, "pageNumber") || Has(result, "pageCount") || Has(result, "nextUri")) return new Shape.Listing(entity, Cursor: false);
        }
        if (operation.Verb == "POST" && result is not null)
        {
            var body = Model(operation.Body?.Type);
            if (body is not null && ArrayItem(result, "results") is { } found)
            {
                if (Has(body, "pageNumber") && Has(result, "pageCount")) return new Shape.Search(found, NextPage: false);
                if (Has(body, "nextPage") && Has(result, "nextPage")) return new Shape.Search(found, NextPage: true);
            }
            if (Has(result, "jobId") && JobResults(operation.Route) is { } job) return job;
        }
        return new Shape.Plain();
    }

    /// <summary>GET {route}/{x} answering a state, and GET {route}/{x}/results answering a cursor and an items array.</summary>
    private Shape.Job? JobResults(string route)
    {
        var prefix = route.TrimEnd('/') + "/{";
        foreach (var operation in document.Operations)
        {
            if (operation.Verb != "GET" || !operation.Route.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = operation.Route[prefix.Length..];
            var close = rest.IndexOf('}');
            if (close < 0 || rest[(close + 1)..] != "/results") continue;
            var statusKey = "GET " + operation.Route[..^"/results".Length];
            if (!_byKey.TryGetValue(statusKey, out var status) || Model(status.Result) is not { } state || !Has(state, "state")) continue;
            if (Model(operation.Result) is not { } results || !Has(results, "cursor")) continue;
            foreach (var property in results.Properties)
                if (property.Type is ApiType.Array { Items: var item } && Model(item) is not null)
                    return new Shape.Job(item, property.JsonName);
        }
        return null;
    }

    private ApiSchema? Model(ApiType? type) =>
        type is ApiType.Reference { Name: var name } && document.Definitions.TryGetValue(name, out var schema) && schema.EnumValues is null ? schema : null;

    private static bool Has(ApiSchema schema, string property) => schema.Properties.Any(p => p.JsonName == property);

    private static ApiType? ArrayItem(ApiSchema schema, string property) =>
        schema.Properties.FirstOrDefault(p => p.JsonName == property)?.Type is ApiType.Array { Items: var item } ? item : null;
}
