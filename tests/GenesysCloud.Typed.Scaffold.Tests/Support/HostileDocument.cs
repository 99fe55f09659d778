using System.Text.Json.Nodes;

namespace GenesysCloud.Typed.Scaffold.Tests;

/// <summary>A small API document written to collide with everything a scaffold can collide with: model names of common
/// .NET types, of the context and of the interfaces, keywords and names C# refuses, names equal after PascalCase, a
/// property named like its record or like record members, enum values that make no identifier, 30 parameters, reserved
/// headers, path placeholders that cannot be parameter names, every Genesys shape, and a 300-property model.</summary>
internal static class HostileDocument
{
    private static readonly string[] TypeNames =
        ["Task", "Action", "Object", "Type", "Range", "Index", "Version", "Environment", "Attribute", "List", "Dictionary", "String", "Int32",
         "JsonElement", "Default", "Options", "GetTypeInfo", "GenesysClient", "HostileJson", "ITaskApi", "foo_bar", "fooBar", "24h", "@type", "System", "GenesysCloud"];

    public static string Json()
    {
        var definitions = new JsonObject();
        foreach (var name in TypeNames)
        {
            definitions[name] = Model(
                ("id", Str()), ("version", Int()), ("Equals", Str()), ("toString", Str()), ("class", Str()), ("event", Str()),
                ("type", Str()), ("Type", Str()), ("@id", Str()), ("foo_bar", Str()), ("fooBar", Str()), ("24", Int()),
                ("state", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("a-b", "A B", "", "1", "a-b", "class") }),
                ("stateValues", Str()),
                ("parent", Ref(name)), ("children", Arr(Ref(name))), ("byName", Map(Ref("Task"))), ("when", DateTime()), ("day", Date()),
                ("free", new JsonObject { ["type"] = "object" }), ("ratio", new JsonObject { ["type"] = "number", ["format"] = "float" }),
                ("clone", Str()), ("<Clone>$", Str()), ("wrapped", new JsonObject { ["allOf"] = new JsonArray(Ref("Task")), ["description"] = "Tom &amp; Jerry &lt;3 &#39;x&#39;" }));
            definitions[name]!["required"] = new JsonArray("id", "parent");
        }
        definitions["Everything"] = Model(TypeNames.Select((name, i) => ($"p{i}", Ref(name))).ToArray());
        definitions["Kind"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("alpha", "beta-2", "Kind") };
        definitions["Big"] = Model(Enumerable.Range(0, 300).Select(i => ($"field{i}", (i % 4) switch { 0 => Str(), 1 => Int(), 2 => Arr(Ref("Kind")), _ => Ref("Big") })).ToArray());
        definitions["Listing"] = Model(("entities", Arr(Ref("Object"))), ("pageNumber", Int()), ("pageCount", Int()), ("nextUri", Str()));
        definitions["Cursors"] = Model(("entities", Arr(Ref("Type"))), ("cursor", Str()));
        definitions["SearchRequest"] = Model(("pageNumber", Int()), ("pageSize", Int()), ("query", Str()));
        definitions["SearchResponse"] = Model(("results", Arr(Ref("Range"))), ("pageCount", Int()), ("pageNumber", Int()));
        definitions["JobAccepted"] = Model(("jobId", Str()));
        definitions["JobStatus"] = Model(("state", Str()));
        definitions["JobResults"] = Model(("things", Arr(Ref("Index"))), ("cursor", Str()));

        var thirty = new JsonArray
        {
            Path("event"), Path("thing-id"),
            Header("If-Match", false), Header("Authorization", false), Header("X-Request-Id", true),
        };
        string[] names = ["class", "namespace", "page-size", "pageSize", "cancellationToken", "body", "expand", "sort.order", "24h", "@type"];
        for (var i = 0; thirty.Count < 32; i++)
        {
            var name = i < names.Length ? names[i] : $"filter{i}";
            var schema = (i % 5) switch
            {
                0 => new JsonObject { ["type"] = "string" },
                1 => new JsonObject { ["type"] = "integer", ["format"] = "int32" },
                2 => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["collectionFormat"] = i % 2 == 0 ? "csv" : "multi" },
                3 => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                _ => new JsonObject { ["type"] = "boolean" },
            };
            schema["name"] = name;
            schema["in"] = "query";
            schema["required"] = i % 7 == 3;
            thirty.Add(schema);
        }

        var paths = new JsonObject
        {
            ["/api/v2/tasks/{event}/things/{thing-id}"] = new JsonObject
            {
                ["get"] = Operation("Task", "getThing", thirty, null, Ref("Version")),
                ["patch"] = Operation("Task", "GetThing", [Path("event"), Path("thing-id")], Body(Ref("Task"), true), Ref("Version"), deprecated: true),
            },
            ["/api/v2/tasks"] = new JsonObject
            {
                ["post"] = Operation("Task", "create", [Query("mode", true)], Body(Ref("Task"), false), Arr(Ref("Version"))),
                ["put"] = Operation("Task", "putTasks", [], Body(Arr(Ref("Action")), true), Map(Ref("Action")), preview: true),
                ["delete"] = Operation("Task", "deleteTasks", [Query("class", true)], null, null),
            },
            ["/api/v2/tasks/{taskId}"] = new JsonObject { ["head"] = Operation("Task", "headTask", [Path("taskId")], null, null) },
            ["/api/v2/objects"] = new JsonObject { ["get"] = Operation("Workforce Management", "getObjects", [Query("pageSize", false)], null, Ref("Listing")) },
            ["/api/v2/types"] = new JsonObject { ["get"] = Operation("Workforce Management", "getTypes", [], null, Ref("Cursors")) },
            ["/api/v2/ranges/search"] = new JsonObject { ["post"] = Operation("class", "postRangesSearch", [], Body(Ref("SearchRequest"), true), Ref("SearchResponse")) },
            ["/api/v2/jobs"] = new JsonObject { ["post"] = Operation("class", "postJobs", [], Body(Ref("Big"), true), Ref("JobAccepted")) },
            ["/api/v2/jobs/{jobId}"] = new JsonObject { ["get"] = Operation("class", "getJob", [Path("jobId")], null, Ref("JobStatus")) },
            ["/api/v2/jobs/{jobId}/results"] = new JsonObject { ["get"] = Operation("class", "getJobResults", [Path("jobId")], null, Ref("JobResults")) },
            ["/api/v2/misc/everything"] = new JsonObject { ["get"] = Operation("Default", "getEverything", [], null, Ref("Everything")) },
            ["/api/v2/misc/text"] = new JsonObject { ["get"] = Operation("Default", "getText", [], null, Str()) },
            ["/api/v2/misc/free"] = new JsonObject { ["get"] = Operation("Default", "getFree", [], null, new JsonObject { ["type"] = "object" }) },
            ["/api/v2/misc/kinds"] = new JsonObject { ["get"] = Operation("Default", "getKinds", [], null, Arr(Ref("Kind"))) },
            ["/api/v2/misc/upload"] = new JsonObject
            {
                ["post"] = new JsonObject
                {
                    ["tags"] = new JsonArray("Default"), ["operationId"] = "postUpload", ["consumes"] = new JsonArray("multipart/form-data"),
                    ["parameters"] = new JsonArray(new JsonObject { ["name"] = "file", ["in"] = "formData", ["type"] = "file" }),
                    ["responses"] = new JsonObject { ["204"] = new JsonObject { ["description"] = "ok" } },
                },
            },
        };
        return new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject { ["title"] = "Hostile <API> & \"friends\"\n*/", ["version"] = "v2" },
            ["host"] = "api.example.com",
            ["securityDefinitions"] = new JsonObject
            {
                ["PureCloud OAuth"] = new JsonObject { ["type"] = "oauth2", ["flow"] = "implicit", ["authorizationUrl"] = "https://login.example.com/oauth/authorize",
                    ["scopes"] = new JsonObject { ["tasks"] = "t", ["tasks:readonly"] = "r" } },
            },
            ["paths"] = paths,
            ["definitions"] = definitions,
        }.ToJsonString();
    }

    private static JsonObject Str() => new() { ["type"] = "string", ["description"] = "A <b>string</b> & more\n*/ </summary>" };
    private static JsonObject Int() => new() { ["type"] = "integer", ["format"] = "int64" };
    private static JsonObject DateTime() => new() { ["type"] = "string", ["format"] = "date-time" };
    private static JsonObject Date() => new() { ["type"] = "string", ["format"] = "date" };
    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/definitions/" + name };
    private static JsonObject Arr(JsonObject items) => new() { ["type"] = "array", ["items"] = items };
    private static JsonObject Map(JsonObject values) => new() { ["type"] = "object", ["additionalProperties"] = values };

    private static JsonObject Model(params (string Name, JsonObject Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties) props[name] = schema;
        return new JsonObject { ["type"] = "object", ["description"] = "Model & <tags>", ["properties"] = props };
    }

    private static JsonObject Path(string name) => new() { ["name"] = name, ["in"] = "path", ["required"] = true, ["type"] = "string" };
    private static JsonObject Query(string name, bool required) => new() { ["name"] = name, ["in"] = "query", ["required"] = required, ["type"] = "string" };
    private static JsonObject Header(string name, bool required) => new() { ["name"] = name, ["in"] = "header", ["required"] = required, ["type"] = "string" };
    private static JsonObject Body(JsonObject schema, bool required) => new() { ["name"] = "body", ["in"] = "body", ["required"] = required, ["schema"] = schema };

    private static JsonObject Operation(string tag, string id, JsonArray parameters, JsonObject? body, JsonObject? result, bool deprecated = false, bool preview = false)
    {
        if (body is not null) parameters.Add(body);
        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(tag),
            ["summary"] = $"The {id} <operation> & co.",
            ["description"] = "Line one.\nLine two with </remarks> and a ` backtick.",
            ["operationId"] = id,
            ["x-purecloud-method-name"] = id,
            ["produces"] = new JsonArray("application/json"),
            ["consumes"] = new JsonArray("application/json"),
            ["parameters"] = parameters,
            ["responses"] = result is null
                ? new JsonObject { ["204"] = new JsonObject { ["description"] = "none" } }
                : new JsonObject { ["200"] = new JsonObject { ["description"] = "ok", ["schema"] = result } },
            ["security"] = new JsonArray(new JsonObject { ["PureCloud OAuth"] = new JsonArray("tasks", "tasks:readonly") }),
        };
        if (deprecated) operation["deprecated"] = true;
        if (preview) operation["x-genesys-preview"] = true;
        return operation;
    }
}
