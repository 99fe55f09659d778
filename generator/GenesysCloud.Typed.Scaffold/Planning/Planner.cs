using System.Text.Json;
using GenesysCloud.Typed.Scaffold.Document;

namespace GenesysCloud.Typed.Scaffold.Planning;

/// <summary>Decides every name and type of the scaffold: one interface per tag, one method per operation (Genesys's
/// paging, search and job shapes recognised), one record per definition reachable from the chosen operations, and the
/// JsonSerializerContext entries that make GCT0122 hold. Framework and runtime types are spelled with <c>global::</c> so
/// a model named <c>Task</c>, <c>List</c> or <c>Version</c> can never shadow them.</summary>
internal sealed class Planner
{
    private const string Runtime = "global::GenesysCloud.Typed.";
    private const string Generic = "global::System.Collections.Generic.";

    // Members every record has, and those of a JsonSerializerContext: a property or context entry of that name would clash.
    private static readonly string[] RecordMembers = ["EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "Deconstruct", "PrintMembers", "MemberwiseClone", "Finalize", "Clone"];
    private static readonly HashSet<string> ContextMembers = new(StringComparer.Ordinal) { "Default", "Options", "GeneratedSerializerOptions", "GetTypeInfo" };

    // The context properties System.Text.Json names after framework types (it derives converter names from them, so they
    // cannot be renamed): no model may take these names.
    private static readonly string[] FrameworkContextNames = ["String", "Int32", "Int64", "Single", "Double", "Boolean", "DateTimeOffset", "DateOnly", "JsonElement"];

    private readonly ApiDocument _document;
    private readonly Conventions _conventions;
    private readonly NameScope _types;
    private readonly Dictionary<string, string> _modelNames = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];

    private Planner(ApiDocument document)
    {
        _document = document;
        _conventions = new Conventions(document);
        _types = new NameScope(FrameworkContextNames);
    }

    public static ScaffoldPlan Plan(ApiDocument document, IReadOnlyList<ApiOperation> operations, string ns, string contextName, string source) =>
        new Planner(document).Build(operations, ns, contextName, source);

    private ScaffoldPlan Build(IReadOnlyList<ApiOperation> operations, string ns, string contextName, string source)
    {
        _types.Claim(contextName);
        var byTag = operations.GroupBy(o => o.Tag, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var interfaceNames = byTag.Select(g => _types.Claim("I" + Names.Pascal(g.Key) + "Api")).ToList();
        var shapes = operations.ToDictionary(o => o.Key, _conventions.Of, StringComparer.Ordinal);
        var reachable = Reachable(operations, shapes);
        foreach (var name in reachable) _modelNames[name] = _types.Claim(Names.Pascal(name));

        var interfaces = new List<InterfacePlan>();
        for (var i = 0; i < byTag.Count; i++)
        {
            var methods = new NameScope(["Create"]);
            var planned = new List<MethodPlan>();
            foreach (var operation in byTag[i])
                if (Method(operation, shapes[operation.Key], methods) is { } method) planned.Add(method);
            interfaces.Add(new InterfacePlan(interfaceNames[i], byTag[i].Key, planned));
        }
        var models = reachable.Select(name => Model(_document.Definitions[name])).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        return new ScaffoldPlan(ns, contextName, source, interfaces, models, ContextEntries(models, operations, shapes), _notes);
    }

    /// <summary>Definitions used by the operations, and everything their properties use, in name order.</summary>
    private SortedSet<string> Reachable(IReadOnlyList<ApiOperation> operations, Dictionary<string, Shape> shapes)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<ApiType>();
        foreach (var operation in operations)
        {
            foreach (var parameter in operation.Parameters) pending.Push(parameter.Type);
            if (operation.Body is { } body) pending.Push(body.Type);
            if (operation.Result is { } result) pending.Push(result);
            // A job's items come from its results operation, which may not be among those chosen.
            if (shapes[operation.Key] is Shape.Job { Item: var item }) pending.Push(item);
        }
        while (pending.TryPop(out var type))
        {
            switch (type)
            {
                case ApiType.Reference { Name: var name } when found.Add(name):
                    foreach (var property in _document.Definitions[name].Properties) pending.Push(property.Type);
                    break;
                case ApiType.Array { Items: var items }:
                    pending.Push(items);
                    break;
                case ApiType.Map { Values: var values }:
                    pending.Push(values);
                    break;
            }
        }
        return found;
    }

    private MethodPlan? Method(ApiOperation operation, Shape shape, NameScope methods)
    {
        var verb = operation.Verb switch
        {
            "GET" => "Get", "POST" => "Post", "PUT" => "Put", "PATCH" => "Patch", "DELETE" => "Delete", "HEAD" => "Head", _ => null,
        };
        var why = operation.Unsupported ?? (verb is null ? $"the method {operation.Verb} is not one GenesysCloud.Typed sends" : null);
        if (why is not null)
        {
            _notes.Add($"{operation.Key} ({operation.OperationId}) is not scaffolded: {why}.");
            return null;
        }
        var name = methods.Claim(Names.Pascal(operation.MethodName) + "Async");
        var scope = new NameScope(["cancellationToken"]);
        var route = operation.Route;
        var parameters = new List<ParameterPlan>();

        // Path parameters in route order; the placeholder is renamed only when its name cannot be a C# parameter's.
        var placeholders = Placeholders(operation.Route).ToList();
        foreach (var placeholder in placeholders)
        {
            var parameter = operation.Parameters.FirstOrDefault(p => p.In == ParameterPlace.Path && p.Name == placeholder);
            var wanted = IsIdentifier(placeholder) ? Escape(placeholder) : Names.Camel(placeholder);
            var claimed = scope.Claim(wanted);
            if (Names.Bare(claimed) != placeholder) route = route.Replace("{" + placeholder + "}", "{" + Names.Bare(claimed) + "}", StringComparison.Ordinal);
            parameters.Add(new ParameterPlan($"{PathType(parameter?.Type)} {claimed}", claimed, parameter?.Description));
        }

        foreach (var stray in operation.Parameters.Where(p => p.In == ParameterPlace.Path && !placeholders.Contains(p.Name)))
            _notes.Add($"{operation.Key} ({operation.OperationId}): path parameter '{stray.Name}' is left out: the route has no {{{stray.Name}}}.");
        var optional = operation.Parameters.Where(p => p.In != ParameterPlace.Path && !p.Required).ToList();
        var required = operation.Parameters.Where(p => p.In != ParameterPlace.Path && p.Required).ToList();
        if (operation.Body is { } body)
        {
            // A search pages through its body, which therefore must be there.
            var bodyRequired = body.Required || shape is Shape.Search;
            var claimed = scope.Claim("body");
            var type = TypeText(body.Type) + (bodyRequired ? "" : "?");
            var defaulted = !bodyRequired && required.Count == 0 ? " = null" : "";
            parameters.Add(new ParameterPlan($"[{Runtime}Body] {type} {claimed}{defaulted}", claimed, body.Description));
        }
        foreach (var parameter in required.Concat(optional))
        {
            if (parameter.In == ParameterPlace.Header && global::GenesysCloud.Typed.ReservedHeaders.Why(parameter.Name) is { } reserved)
            {
                _notes.Add($"{operation.Key} ({operation.OperationId}): header '{parameter.Name}' is left out: it {reserved}.");
                continue;
            }
            var claimed = scope.Claim(Names.Camel(parameter.Name));
            var attribute = parameter.In == ParameterPlace.Header
                ? $"[{Runtime}Header({Names.Literal(parameter.Name)})]"
                : QueryAttribute(parameter, Names.Bare(claimed));
            var type = ValueType(parameter.Type);
            var declaration = parameter.Required ? $"{attribute} {type} {claimed}" : $"{attribute} {type}? {claimed} = null";
            parameters.Add(new ParameterPlan(declaration, claimed, parameter.Description));
        }
        parameters.Add(new ParameterPlan("global::System.Threading.CancellationToken cancellationToken = default", "cancellationToken",
            "Cancels the call, including its retries and waits."));

        var attributes = new List<string> { $"{Runtime}{verb}({Names.Literal(route)})" };
        string returnType;
        string shapeName;
        switch (shape)
        {
            case Shape.Listing listing when verb == "Get":
                if (listing.Cursor) attributes.Add($"{Runtime}Paging({Runtime}PagingStyle.Cursor)");
                returnType = $"{Generic}IAsyncEnumerable<{TypeText(listing.Item)}>";
                shapeName = listing.Cursor ? "cursor listing" : "page-number listing";
                break;
            case Shape.Search search:
                attributes.Add($"{Runtime}Paging({Runtime}PagingStyle.{(search.NextPage ? "BodyNextPage" : "BodyPageNumber")}, ItemsProperty = \"results\")");
                returnType = $"{Generic}IAsyncEnumerable<{TypeText(search.Item)}>";
                shapeName = search.NextPage ? "search by nextPage" : "search by page number";
                break;
            case Shape.Job job:
                attributes.Add($"{Runtime}AsyncJob({Names.Literal(job.ItemsProperty)})");
                returnType = $"{Runtime}GenesysJob<{TypeText(job.Item)}>";
                shapeName = "analytics job";
                break;
            default:
                returnType = verb == "Head" || operation.Result is null ? "global::System.Threading.Tasks.Task" : $"global::System.Threading.Tasks.Task<{TypeText(operation.Result)}>";
                shapeName = "call";
                break;
        }
        if (operation.Scopes.Count > 0) attributes.Add($"{Runtime}RequiresScope({string.Join(", ", operation.Scopes.Select(Names.Literal))})");
        if (operation.Deprecated) attributes.Add("global::System.Obsolete(\"Genesys marks this operation deprecated.\")");
        return new MethodPlan(name, operation.OperationId, operation.Verb, route, attributes, returnType, parameters, operation.Summary, operation.Description,
            operation.Preview, operation.Deprecated, shapeName);
    }

    private static string QueryAttribute(ApiParameter parameter, string name)
    {
        var arguments = new List<string>();
        if (name != parameter.Name) arguments.Add(Names.Literal(parameter.Name));
        if (parameter.Csv) arguments.Add($"Format = {Runtime}QueryCollectionFormat.Csv");
        return arguments.Count == 0 ? $"[{Runtime}Query]" : $"[{Runtime}Query({string.Join(", ", arguments)})]";
    }

    private ModelPlan Model(ApiSchema schema)
    {
        var name = _modelNames[schema.Name];
        if (schema.EnumValues is { } values && schema.Properties.Count == 0)
            return new ModelPlan(name, schema.Name, schema.Description, [], [Constants(name, values, name)], IsValueList: true);

        var members = new NameScope(RecordMembers.Append(name));
        var claimed = schema.Properties.Select(p => members.Claim(Names.Pascal(p.JsonName))).ToList();
        var properties = new List<PropertyPlan>();
        var constants = new List<ConstantsPlan>();
        for (var i = 0; i < schema.Properties.Count; i++)
        {
            var property = schema.Properties[i];
            string? constantsClass = null;
            if (property.EnumValues is { } known)
            {
                constantsClass = members.Claim(claimed[i] + "Values");
                constants.Add(Constants(constantsClass, known, constantsClass));
            }
            var type = TypeText(property.Type) + (property.Required ? "" : "?");
            var jsonName = JsonNamingPolicy.CamelCase.ConvertName(claimed[i]);
            properties.Add(new PropertyPlan(claimed[i], property.JsonName, jsonName != property.JsonName, type, property.Required, property.ReadOnly,
                property.Description, constantsClass));
        }
        return new ModelPlan(name, schema.Name, schema.Description, properties, constants, IsValueList: false);
    }

    private static ConstantsPlan Constants(string className, IReadOnlyList<string> values, string reserved)
    {
        var scope = new NameScope([reserved]);
        return new ConstantsPlan(className, values.Distinct(StringComparer.Ordinal).Select(v => (scope.Claim(Names.Pascal(v)), v)).ToList());
    }

    private List<ContextEntry> ContextEntries(IReadOnlyList<ModelPlan> models, IReadOnlyList<ApiOperation> operations, Dictionary<string, Shape> shapes)
    {
        var entries = new List<ContextEntry>();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in models.Where(m => !m.IsValueList))
        {
            declared.Add(model.Name);
            entries.Add(new ContextEntry(model.Name, ContextMembers.Contains(model.Name) ? _types.Claim(model.Name + "Model") : null));
        }
        var others = new SortedDictionary<string, ApiType>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            if (operation.Body is { } body) others.TryAdd(TypeText(body.Type), body.Type);
            switch (shapes[operation.Key])
            {
                case Shape.Listing { Item: var item }: others.TryAdd(TypeText(item), item); break;
                case Shape.Search { Item: var item }: others.TryAdd(TypeText(item), item); break;
                case Shape.Job { Item: var item }: others.TryAdd(TypeText(item), item); break;
                default:
                    if (operation.Result is { } result && operation.Verb != "HEAD") others.TryAdd(TypeText(result), result);
                    break;
            }
        }
        foreach (var (text, type) in others)
            if (declared.Add(text)) entries.Add(new ContextEntry(text, type is ApiType.Array or ApiType.Map ? _types.Claim(Describe(type)) : null));
        return entries;
    }

    /// <summary>A context property name for a list or map: ListOfUser, MapOfString, ListOfListOfInt64.</summary>
    private string Describe(ApiType type) => type switch
    {
        ApiType.Array { Items: var items } => "ListOf" + Describe(items),
        ApiType.Map { Values: var values } => "MapOf" + Describe(values),
        ApiType.Reference { Name: var name } when !IsValueList(name) => _modelNames[name],
        _ => Names.Pascal(TypeText(type).Replace("global::", "", StringComparison.Ordinal).Split('.')[^1]),
    };

    private bool IsValueList(string definition) => _document.Definitions[definition] is { EnumValues: not null, Properties.Count: 0 };

    /// <summary>The C# type of a JSON type, never nullable (callers add '?').</summary>
    private string TypeText(ApiType type) => type switch
    {
        ApiType.Primitive primitive => PrimitiveText(primitive),
        ApiType.Reference { Name: var name } => IsValueList(name) ? "string" : _modelNames[name],
        ApiType.Array { Items: var items } => $"{Generic}List<{TypeText(items)}>",
        ApiType.Map { Values: var values } => $"{Generic}Dictionary<string, {TypeText(values)}>",
        _ => "global::System.Text.Json.JsonElement",
    };

    private static string PrimitiveText(ApiType.Primitive primitive) => primitive switch
    {
        { Type: "string", Format: "date-time" } => "global::System.DateTimeOffset",
        { Type: "string", Format: "date" } => "global::System.DateOnly",
        { Type: "string" } => "string",
        { Type: "integer", Format: "int32" } => "int",
        { Type: "integer" } => "long",
        { Type: "number", Format: "float" } => "float",
        { Type: "number" } => "double",
        { Type: "boolean" } => "bool",
        _ => "string",
    };

    /// <summary>A query or header value: a primitive or a list of them (anything else is sent as text).</summary>
    private string ValueType(ApiType type) => type switch
    {
        ApiType.Array { Items: var items } => $"{Generic}IReadOnlyList<{ValueType(items)}>",
        ApiType.Primitive primitive => PrimitiveText(primitive),
        _ => "string",
    };

    private static string PathType(ApiType? type) => type is ApiType.Primitive primitive ? PrimitiveText(primitive) : "string";

    private static IEnumerable<string> Placeholders(string route)
    {
        var at = 0;
        while ((at = route.IndexOf('{', at)) >= 0)
        {
            var close = route.IndexOf('}', at);
            if (close < 0) yield break;
            yield return route[(at + 1)..close];
            at = close + 1;
        }
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static string Escape(string name) => Names.IsKeyword(name) ? "@" + name : name;
}
