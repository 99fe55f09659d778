using System.IO.Compression;
using System.Net.Http;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace GenesysCloud.Typed.Scaffold.Document;

/// <summary>Reads Genesys's API document (Swagger 2.0 as Genesys publishes it, or OpenAPI 3; JSON, optionally gzipped)
/// from a file or URL with Microsoft.OpenApi, and turns it into an <see cref="ApiDocument"/>. Genesys's own quirks are
/// tolerated (a security scheme named <c>PureCloud OAuth</c>); a document that cannot be read, a <c>$ref</c> to nothing
/// or a definition that only refers to itself is a <see cref="DocumentException"/> naming the place.</summary>
internal static class DocumentReader
{
    public const string OAuthScheme = "PureCloud OAuth";

    public static async Task<ApiDocument> ReadAsync(string spec, CancellationToken cancellationToken)
    {
        var bytes = await LoadBytesAsync(spec, cancellationToken).ConfigureAwait(false);
        return Read(bytes, spec);
    }

    public static ApiDocument Read(byte[] bytes, string source)
    {
        if (bytes is [0x1F, 0x8B, ..]) bytes = Gunzip(bytes, source);
        var start = bytes.AsSpan().IndexOfAnyExcept(" \t\r\n\uFEFF"u8.ToArray());
        if (start < 0 || bytes[start] != (byte)'{')
            throw new DocumentException($"{source} is not an API document: it is {(start < 0 ? "empty" : "not a JSON object")} (Genesys publishes the Platform API as Swagger 2.0 JSON at https://api.<region>/api/v2/docs/swagger).");
        ReadResult result;
        try
        {
            result = OpenApiDocument.Load(new MemoryStream(bytes, writable: false), "json", new OpenApiReaderSettings());
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or OpenApiException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new DocumentException($"{source} is not a readable API document: {ex.Message}");
        }
        if (result.Document is not { } document || result.Diagnostic?.SpecificationVersion is not (OpenApiSpecVersion.OpenApi2_0 or OpenApiSpecVersion.OpenApi3_0 or OpenApiSpecVersion.OpenApi3_1))
        {
            var why = result.Diagnostic?.Errors is { Count: > 0 } errors ? ": " + string.Join("; ", errors.Take(3).Select(e => e.ToString().TrimEnd('.'))) : "";
            throw new DocumentException($"{source} is not a Swagger 2.0 or OpenAPI 3 document (no 'swagger' or 'openapi' version){why}.");
        }
        if (document.Paths is not { Count: > 0 } || document.Paths.Values.All(p => p.Operations is not { Count: > 0 }))
        {
            var why = result.Diagnostic?.Errors is { Count: > 0 } errors ? ": " + string.Join("; ", errors.Take(3).Select(e => e.ToString().TrimEnd('.'))) : "";
            throw new DocumentException($"{source} is an API document without operations (no path holds an operation){why}.");
        }
        var definitions = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        new ReferenceCheck(definitions).Run(document);
        return new Builder(document, definitions).Build();
    }

    private static async Task<byte[]> LoadBytesAsync(string spec, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(spec, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            try
            {
                using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                    throw new DocumentException($"{spec} answered {(int)response.StatusCode} {response.ReasonPhrase}, not an API document.");
                return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new DocumentException($"{spec} could not be fetched: {ex.Message}");
            }
        }
        try
        {
            return await File.ReadAllBytesAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DocumentException($"{spec} could not be read: {ex.Message}");
        }
    }

    private static byte[] Gunzip(byte[] bytes, string source)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentException($"{source} looks gzipped but is not: {ex.Message}");
        }
    }

    /// <summary>Every <c>$ref</c> names a definition, and no definition is only a chain of references back to itself.</summary>
    private sealed class ReferenceCheck(IDictionary<string, IOpenApiSchema> definitions)
    {
        private readonly HashSet<IOpenApiSchema> _seen = new(ReferenceEqualityComparer.Instance);

        public void Run(OpenApiDocument document)
        {
            foreach (var (name, schema) in definitions.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                AliasChain(name, schema);
                Walk(schema, $"definitions/{name}");
            }
            foreach (var (path, item) in document.Paths)
            {
                foreach (var (method, operation) in item.Operations ?? [])
                {
                    var at = $"{method.Method.ToUpperInvariant()} {path}";
                    foreach (var parameter in operation.Parameters ?? []) Walk(parameter.Schema, $"{at} parameter '{parameter.Name}'");
                    foreach (var content in operation.RequestBody?.Content?.Values ?? []) Walk(content.Schema, $"{at} body");
                    foreach (var (code, response) in operation.Responses ?? [])
                        foreach (var content in response.Content?.Values ?? []) Walk(content.Schema, $"{at} response {code}");
                }
            }
        }

        private void AliasChain(string name, IOpenApiSchema schema)
        {
            var chain = new List<string> { name };
            while (schema is OpenApiSchemaReference reference)
            {
                var target = reference.Reference.Id ?? "";
                if (chain.Contains(target))
                    throw new DocumentException($"definitions/{name} is a reference cycle with no schema of its own: {string.Join(" -> ", chain)} -> {target}.");
                chain.Add(target);
                if (!definitions.TryGetValue(target, out schema!))
                    throw new DocumentException($"definitions/{chain[^2]}: $ref to definition '{target}', which the document does not define.");
            }
        }

        private void Walk(IOpenApiSchema? schema, string at)
        {
            if (schema is null) return;
            if (schema is OpenApiSchemaReference reference)
            {
                if (reference.Reference.Id is not { } id || !definitions.ContainsKey(id))
                    throw new DocumentException($"{at}: $ref to definition '{reference.Reference.Id}', which the document does not define.");
                return;   // the definition itself is walked on its own
            }
            if (!_seen.Add(schema)) return;
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>()) Walk(property, $"{at}.{name}");
            Walk(schema.Items, at + "[]");
            Walk(schema.AdditionalProperties, at + "{}");
            foreach (var part in schema.AllOf ?? []) Walk(part, at);
        }
    }

    /// <summary>Microsoft.OpenApi's model → ours.</summary>
    private sealed class Builder(OpenApiDocument document, IDictionary<string, IOpenApiSchema> definitions)
    {
        public ApiDocument Build()
        {
            var operations = new List<ApiOperation>();
            foreach (var (route, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
                foreach (var (method, operation) in (item.Operations ?? []).OrderBy(o => o.Key.Method, StringComparer.Ordinal))
                    operations.Add(Operation(method.Method.ToUpperInvariant(), route, item, operation));
            var schemas = new SortedDictionary<string, ApiSchema>(StringComparer.Ordinal);
            foreach (var (name, schema) in definitions) schemas[name] = Schema(name, Resolve(schema));
            var scopes = document.Components?.SecuritySchemes is { } schemes && schemes.TryGetValue(OAuthScheme, out var oauth) && oauth.Flows is { } flows
                ? new[] { flows.Implicit, flows.AuthorizationCode, flows.ClientCredentials, flows.Password }
                    .SelectMany(f => f?.Scopes?.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
                : [];
            return new ApiDocument(document.Info?.Title ?? "API", document.Info?.Version ?? "", operations, schemas, scopes);
        }

        private IOpenApiSchema Resolve(IOpenApiSchema schema)
        {
            while (schema is OpenApiSchemaReference reference) schema = definitions[reference.Reference.Id!];
            return schema;
        }

        private ApiOperation Operation(string verb, string route, IOpenApiPathItem item, OpenApiOperation operation)
        {
            var methodName = Text(operation.Extensions, "x-purecloud-method-name") ?? operation.OperationId ?? (verb.ToLowerInvariant() + route);
            var parameters = new List<ApiParameter>();
            string? unsupported = null;
            var all = (item.Parameters ?? []).Where(p => operation.Parameters?.Any(o => o.Name == p.Name && o.In == p.In) != true).Concat(operation.Parameters ?? []);
            foreach (var parameter in all)
            {
                var place = parameter.In switch
                {
                    ParameterLocation.Path => ParameterPlace.Path,
                    ParameterLocation.Query => ParameterPlace.Query,
                    ParameterLocation.Header => ParameterPlace.Header,
                    _ => (ParameterPlace?)null,
                };
                if (place is null || parameter.Name is not { Length: > 0 } name)
                {
                    unsupported ??= $"its parameter '{parameter.Name}' is sent in a {parameter.In?.ToString().ToLowerInvariant() ?? "unknown place"}, which GenesysCloud.Typed does not send";
                    continue;
                }
                var type = parameter.Schema is { } schema ? TypeOf(schema) : new ApiType.Primitive("string", null);
                var csv = type is ApiType.Array && parameter.Explode == false;
                parameters.Add(new ApiParameter(name, place.Value, parameter.Required || place == ParameterPlace.Path, type, csv, parameter.Description));
            }
            ApiBody? body = null;
            if (operation.RequestBody is { Content: { Count: > 0 } content } requestBody)
            {
                var json = content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase));
                if (json.Value is null)
                    unsupported ??= $"its body is {string.Join(" or ", content.Keys)}, which GenesysCloud.Typed does not send (JSON only)";
                else
                    body = new ApiBody(json.Value.Schema is { } schema ? TypeOf(schema) : new ApiType.Any(), requestBody.Required, requestBody.Description);
            }
            return new ApiOperation(verb, route, operation.Tags?.FirstOrDefault()?.Name ?? "Default", operation.OperationId ?? methodName, methodName,
                operation.Summary, operation.Description, parameters, body, Result(operation), Scopes(operation), operation.Deprecated,
                Flag(operation.Extensions, "x-genesys-preview"), unsupported);
        }

        private ApiType? Result(OpenApiOperation operation)
        {
            foreach (var (code, response) in (operation.Responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                if (!code.StartsWith('2')) continue;
                var schema = response.Content?.Values.Select(c => c.Schema).FirstOrDefault(s => s is not null);
                return schema is null ? null : TypeOf(schema);
            }
            return null;
        }

        private static IReadOnlyList<string> Scopes(OpenApiOperation operation)
        {
            var scopes = new List<string>();
            foreach (var requirement in operation.Security ?? [])
                foreach (var (scheme, names) in requirement)
                    if (scheme.Reference?.Id == OAuthScheme)
                        foreach (var name in names)
                            if (!scopes.Contains(name, StringComparer.Ordinal)) scopes.Add(name);
            return scopes;
        }

        private ApiSchema Schema(string name, IOpenApiSchema schema)
        {
            var required = schema.Required ?? new HashSet<string>();
            var properties = new List<ApiProperty>();
            foreach (var (propertyName, property) in Properties(schema))
            {
                var resolved = property is OpenApiSchemaReference ? null : property;
                properties.Add(new ApiProperty(propertyName, TypeOf(property), required.Contains(propertyName), resolved?.ReadOnly == true,
                    resolved?.Description ?? (property as OpenApiSchemaReference)?.Description, EnumOf(resolved)));
            }
            var isEnum = properties.Count == 0 && EnumOf(schema) is { } values ? values : null;
            return new ApiSchema(name, schema.Description, properties, isEnum);
        }

        /// <summary>Own properties, then those of allOf parts (Genesys's document seldom uses allOf; OpenAPI 3 documents do).</summary>
        private IEnumerable<KeyValuePair<string, IOpenApiSchema>> Properties(IOpenApiSchema schema)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                if (seen.Add(property.Key)) yield return property;
            foreach (var part in schema.AllOf ?? [])
                foreach (var property in Properties(Resolve(part)))
                    if (seen.Add(property.Key)) yield return property;
        }

        private static IReadOnlyList<string>? EnumOf(IOpenApiSchema? schema)
        {
            if (schema?.Enum is not { Count: > 0 } values) return null;
            var texts = values.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var text) ? text : null).Where(t => t is not null).Cast<string>().ToList();
            return texts.Count == values.Count ? texts : null;
        }

        public ApiType TypeOf(IOpenApiSchema schema)
        {
            if (schema is OpenApiSchemaReference reference)
            {
                var target = Resolve(schema);
                // A definition that is a bare primitive or array (rare) is used as what it is.
                return target.Properties is { Count: > 0 } || target.AllOf is { Count: > 0 } || EnumOf(target) is not null || IsObject(target) && target.AdditionalProperties is null
                    ? new ApiType.Reference(reference.Reference.Id!)
                    : TypeOf(target);
            }
            if (schema.AllOf is [var only] && schema.Properties is not { Count: > 0 } && schema.Type is null or JsonSchemaType.Object)
                return TypeOf(only);
            var type = schema.Type ?? 0;
            if (type.HasFlag(JsonSchemaType.Array)) return new ApiType.Array(schema.Items is { } items ? TypeOf(items) : new ApiType.Any());
            if (IsObject(schema) && schema.AdditionalProperties is { } values && (schema.Properties is null || schema.Properties.Count == 0))
                return new ApiType.Map(TypeOf(values));
            if (type.HasFlag(JsonSchemaType.String)) return new ApiType.Primitive("string", schema.Format);
            if (type.HasFlag(JsonSchemaType.Integer)) return new ApiType.Primitive("integer", schema.Format);
            if (type.HasFlag(JsonSchemaType.Number)) return new ApiType.Primitive("number", schema.Format);
            if (type.HasFlag(JsonSchemaType.Boolean)) return new ApiType.Primitive("boolean", schema.Format);
            return new ApiType.Any();
        }

        private static bool IsObject(IOpenApiSchema schema) => schema.Type is null || schema.Type.Value.HasFlag(JsonSchemaType.Object);

        private static string? Text(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
            extensions is not null && extensions.TryGetValue(name, out var value) && value is JsonNodeExtension { Node: JsonValue node } &&
            node.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

        private static bool Flag(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
            extensions is not null && extensions.TryGetValue(name, out var value) && value is JsonNodeExtension { Node: JsonValue node } &&
            node.TryGetValue<bool>(out var flag) && flag;
    }
}

/// <summary>The document cannot be scaffolded; the message names where and why (exit code 1).</summary>
internal sealed class DocumentException(string message) : Exception(message);
