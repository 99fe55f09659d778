using System;
using System.Collections.Generic;
using System.Text;
using GenesysCloud.Typed.Generator.Shared;

namespace GenesysCloud.Typed.Generator.Document;

/// <summary>Genesys's API document as <c>genesys-typed index</c> writes it (genesys-api.json, format version 1): every
/// operation by verb and route, the document's scope names and the JSON property names of the bodies and results.
/// Read once per content (<see cref="IndexFiles"/>); immutable after.</summary>
internal sealed class ApiIndex
{
    public const string Format = "genesys-typed-index";
    public const int Version = 1;
    public const string FileName = "genesys-api.json";

    private readonly Dictionary<string, List<IndexedOperation>> _byShape;
    private readonly Dictionary<string, string[]> _schemas;

    private ApiIndex(string source, HashSet<string> scopes, IReadOnlyList<IndexedOperation> operations, Dictionary<string, string[]> schemas)
    {
        Source = source;
        Scopes = scopes;
        Operations = operations;
        _schemas = schemas;
        _byShape = new Dictionary<string, List<IndexedOperation>>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            if (!_byShape.TryGetValue(operation.Shape, out var list)) _byShape[operation.Shape] = list = new List<IndexedOperation>(1);
            list.Add(operation);
        }
    }

    /// <summary>"PureCloud Platform API v2": what the document calls itself.</summary>
    public string Source { get; }

    /// <summary>Every OAuth scope name the document defines.</summary>
    public HashSet<string> Scopes { get; }

    public IReadOnlyList<IndexedOperation> Operations { get; }

    /// <summary>The operation with this verb and route (placeholder names aside), or null.</summary>
    public IndexedOperation? Find(string verb, string route)
    {
        if (!_byShape.TryGetValue(RouteShape.Of(route), out var list)) return null;
        foreach (var operation in list)
            if (operation.Verb == verb) return operation;
        return null;
    }

    /// <summary>The operations at this route under any verb.</summary>
    public IReadOnlyList<IndexedOperation> AtRoute(string route) =>
        _byShape.TryGetValue(RouteShape.Of(route), out var list) ? list : (IReadOnlyList<IndexedOperation>)Array.Empty<IndexedOperation>();

    /// <summary>The documented route of this verb nearest to <paramref name="route"/> (edit distance of the shapes, ties
    /// by the route's text), or null when none is near enough to be a plausible typo. Only routes with as many segments
    /// are compared: a slip rarely adds or drops one, and a project whose every endpoint is undocumented (an index of
    /// another API) must not pay a distance to each of 3,300 routes for each endpoint.</summary>
    public string? Nearest(string verb, string route)
    {
        var shape = RouteShape.Harmless(RouteShape.Of(route));
        var segments = RouteShape.Segments(shape);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var operation in Operations)
        {
            if (operation.Verb != verb || operation.Segments != segments || Math.Abs(operation.Shape.Length - shape.Length) >= bestDistance) continue;
            var distance = EditDistance.Of(shape, operation.Shape);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(operation.Route, best) < 0))
            {
                best = operation.Route;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.Max(3, shape.Length / 4) ? best : null;
    }

    /// <summary>The JSON property names of a definition that is some operation's body or result; null when not indexed.</summary>
    public string[]? SchemaProperties(string schema) => _schemas.TryGetValue(schema, out var names) ? names : null;

    /// <summary>Reads an index; a <see cref="FormatException"/> says what is wrong with it.</summary>
    public static ApiIndex Parse(string text)
    {
        if (JsonText.Parse(text) is not Dictionary<string, object?> root)
            throw new FormatException($"it is not a genesys-typed index (its JSON is not an object); write it with 'genesys-typed index --spec FILE|URL --out {FileName}'");
        if (!root.TryGetValue("format", out var format) || format as string != Format)
        {
            throw new FormatException(root.ContainsKey("swagger") || root.ContainsKey("openapi")
                ? $"it is Genesys's API document itself, not its index; write the index with 'genesys-typed index --spec FILE|URL --out {FileName}'"
                : $"it is not a genesys-typed index (no \"format\": \"{Format}\"); write it with 'genesys-typed index --spec FILE|URL --out {FileName}'");
        }
        if (!root.TryGetValue("version", out var versionValue) || versionValue is not double version || double.IsInfinity(version) || version != Math.Floor(version) || version < 1 || version > int.MaxValue)
            throw new FormatException($"its \"version\" is missing or not a format version (a whole number such as {Version})");
        if (version != Version)
        {
            throw new FormatException(version > Version
                ? $"it is index version {version}, newer than this GenesysCloud.Typed reads ({Version}); update GenesysCloud.Typed or write the index with this version's genesys-typed"
                : $"it is index version {version}, which this GenesysCloud.Typed no longer reads ({Version}); write it again with 'genesys-typed index'");
        }
        var source = root.TryGetValue("source", out var s) && s is string sourceText ? sourceText : "Genesys's API document";
        var scopes = new HashSet<string>(Strings(Member(root, "scopes"), "scopes"), StringComparer.Ordinal);
        var operations = new List<IndexedOperation>();
        var all = Member(root, "operations") as List<object?> ?? throw new FormatException("its \"operations\" is not an array");
        for (var i = 0; i < all.Count; i++) operations.Add(Operation(all[i], i));
        // Well-formed but empty lists would make every endpoint undocumented (GCT0201) or every scope unknown (GCT0002).
        if (operations.Count == 0) throw new FormatException($"its \"operations\" is empty, so every endpoint would be undocumented; write it again with 'genesys-typed index --spec FILE|URL --out {FileName}'");
        if (scopes.Count == 0) throw new FormatException($"its \"scopes\" is empty, so every scope would be unknown; write it again with 'genesys-typed index --spec FILE|URL --out {FileName}'");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < operations.Count; i++)
        {
            var key = operations[i].Verb + " " + operations[i].Shape;
            if (seen.TryGetValue(key, out var first))
                throw new FormatException($"operations[{i}] ({operations[i].Verb} {operations[i].Route}) is the same operation as operations[{first}] ({operations[first].Verb} {operations[first].Route})");
            seen[key] = i;
        }
        var schemas = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Member(root, "schemas") is not Dictionary<string, object?> schemaObject) throw new FormatException("its \"schemas\" is not an object");
        foreach (var pair in schemaObject) schemas[pair.Key] = Strings(pair.Value, "schemas." + pair.Key).ToArray();
        return new ApiIndex(source, scopes, operations, schemas);
    }

    private static readonly string[] Verbs = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    private static object? Member(Dictionary<string, object?> root, string name) =>
        root.TryGetValue(name, out var value) ? value : throw new FormatException($"it has no \"{name}\"");

    private static IndexedOperation Operation(object? value, int index)
    {
        var at = $"operations[{index}]";
        if (value is not List<object?> { Count: 7 } parts) throw new FormatException($"{at} is not [verb, route, parameters, body, result, scopes, flags]");
        var verb = Text(parts[0], at + " verb");
        if (Array.IndexOf(Verbs, verb) < 0) throw new FormatException($"{at} verb \"{verb}\" is not one of {string.Join(", ", Verbs)}");
        var route = Text(parts[1], at + " route");
        if (route.Length == 0 || route[0] != '/') throw new FormatException($"{at} route \"{route}\" does not start with '/'");
        at = $"operations[{index}] ({verb} {route})";
        var parameters = new List<IndexedParameter>();
        if (parts[2] is not List<object?> list) throw new FormatException($"{at} parameters is not an array");
        foreach (var item in list)
        {
            if (item is not List<object?> { Count: >= 4 and <= 5 } p || p[2] is not double required)
                throw new FormatException($"{at}: a parameter is not [place, name, required, type(, format)]");
            var place = Text(p[0], at + " parameter place");
            if (place is not ("p" or "q" or "h")) throw new FormatException($"{at}: parameter place \"{place}\" is not p, q or h");
            parameters.Add(new IndexedParameter(place[0], Text(p[1], at + " parameter name"), required != 0, Text(p[3], at + " parameter type"),
                p.Count == 5 ? Text(p[4], at + " collection format") : null));
        }
        // Flags: 1 deprecated, 2 preview; anything else is not from genesys-typed.
        var flags = parts[6] is double f && f >= 0 && f <= 3 && f == Math.Floor(f) ? (int)f : throw new FormatException($"{at} flags is not 0, 1, 2 or 3 (1 deprecated, 2 preview)");
        return new IndexedOperation(verb, route, parameters, Text(parts[3], at + " body"), Text(parts[4], at + " result"),
            Strings(parts[5], at + " scopes").ToArray(), (flags & 1) != 0, (flags & 2) != 0);
    }

    private static string Text(object? value, string what) => value as string ?? throw new FormatException($"{what} is not a string");

    private static List<string> Strings(object? value, string what)
    {
        if (value is not List<object?> list) throw new FormatException($"{what} is not an array of strings");
        var result = new List<string>(list.Count);
        foreach (var item in list) result.Add(item as string ?? throw new FormatException($"{what} holds something other than a string"));
        return result;
    }
}

/// <summary>One documented operation. <see cref="Placeholders"/>: its route's placeholder names in order.</summary>
internal sealed class IndexedOperation
{
    public IndexedOperation(string verb, string route, IReadOnlyList<IndexedParameter> parameters, string body, string result, IReadOnlyList<string> scopes,
        bool deprecated, bool preview)
    {
        Verb = verb;
        Route = route;
        Parameters = parameters;
        Body = body;
        Result = result;
        Scopes = scopes;
        Deprecated = deprecated;
        Preview = preview;
        Shape = RouteShape.Of(route);
        Segments = RouteShape.Segments(Shape);
        Placeholders = RouteShape.Placeholders(route);
    }

    public string Verb { get; }
    public string Route { get; }
    public string Shape { get; }
    public int Segments { get; }
    public IReadOnlyList<string> Placeholders { get; }
    public IReadOnlyList<IndexedParameter> Parameters { get; }
    /// <summary>The body's definition, or "" when none or not a named definition.</summary>
    public string Body { get; }
    /// <summary>The result's definition, or "" when none or not a named definition.</summary>
    public string Result { get; }
    public IReadOnlyList<string> Scopes { get; }
    public bool Deprecated { get; }
    public bool Preview { get; }

    public IndexedParameter? Parameter(char place, string name)
    {
        foreach (var parameter in Parameters)
            if (parameter.Place == place && string.Equals(parameter.Name, name, place == 'h' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
                return parameter;
        return null;
    }

    /// <summary>The name of this place nearest to <paramref name="name"/>, or null when none is near.</summary>
    public string? Suggest(char place, string name)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var parameter in Parameters)
        {
            if (parameter.Place != place) continue;
            var distance = EditDistance.Of(name.ToLowerInvariant(), parameter.Name.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = parameter.Name;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }
}

/// <summary>A documented path, query or header parameter. <see cref="Place"/>: 'p', 'q' or 'h'.</summary>
internal sealed class IndexedParameter
{
    public IndexedParameter(char place, string name, bool required, string type, string? collectionFormat)
    {
        Place = place;
        Name = name;
        Required = required;
        Type = type;
        CollectionFormat = collectionFormat;
    }

    public char Place { get; }
    public string Name { get; }
    public bool Required { get; }
    public string Type { get; }
    public string? CollectionFormat { get; }
}

/// <summary>A route with its placeholder names taken out (<c>/api/v2/users/{}</c>): two routes are the same endpoint when
/// their shapes are equal, whatever the placeholders are called.</summary>
internal static class RouteShape
{
    public static string Of(string route)
    {
        if (route.IndexOf('{') < 0) return route;
        var shape = new StringBuilder(route.Length);
        var inside = false;
        foreach (var c in route)
        {
            if (c == '{') inside = true;
            else if (c == '}')
            {
                inside = false;
                shape.Append("{}");
                continue;
            }
            if (!inside) shape.Append(c);
        }
        return shape.ToString();
    }

    /// <summary>The shape without differences that do not make another route of it: a trailing '/' and doubled '/'.
    /// (Documented routes have neither, so the nearest route of <c>/api/v2/users/{userId}/</c> is <c>/api/v2/users/{userId}</c>.)</summary>
    public static string Harmless(string shape)
    {
        while (shape.IndexOf("//", StringComparison.Ordinal) >= 0) shape = shape.Replace("//", "/");
        return shape.Length > 1 && shape[shape.Length - 1] == '/' ? shape.Substring(0, shape.Length - 1) : shape;
    }

    public static int Segments(string shape)
    {
        var count = 0;
        foreach (var c in shape)
            if (c == '/') count++;
        return count;
    }

    public static IReadOnlyList<string> Placeholders(string route)
    {
        if (route.IndexOf('{') < 0) return Array.Empty<string>();
        var names = new List<string>();
        var start = -1;
        for (var i = 0; i < route.Length; i++)
        {
            if (route[i] == '{') start = i + 1;
            else if (route[i] == '}' && start >= 0)
            {
                names.Add(route.Substring(start, i - start));
                start = -1;
            }
        }
        return names;
    }
}
