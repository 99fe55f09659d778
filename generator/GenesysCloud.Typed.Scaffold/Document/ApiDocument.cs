namespace GenesysCloud.Typed.Scaffold.Document;

/// <summary>What the scaffold needs of Genesys's API document, read once from Microsoft.OpenApi's model: operations keyed
/// by verb + route (the document has routes that differ only in placeholder names per verb), and the definitions.</summary>
internal sealed record ApiDocument(
    string Title,
    string Version,
    IReadOnlyList<ApiOperation> Operations,
    IReadOnlyDictionary<string, ApiSchema> Definitions,
    IReadOnlyList<string> ScopeNames);

internal sealed record ApiOperation(
    string Verb,
    string Route,
    string Tag,
    string OperationId,
    string MethodName,
    string? Summary,
    string? Description,
    IReadOnlyList<ApiParameter> Parameters,
    ApiBody? Body,
    ApiType? Result,
    IReadOnlyList<string> Scopes,
    bool Deprecated,
    bool Preview,
    string? Unsupported)
{
    public string Key => Verb + " " + Route;
}

internal enum ParameterPlace { Path, Query, Header }

internal sealed record ApiParameter(string Name, ParameterPlace In, bool Required, ApiType Type, bool Csv, string? Description);

internal sealed record ApiBody(ApiType Type, bool Required, string? Description);

/// <summary>A definition: an object with properties, or a named string enum.</summary>
internal sealed record ApiSchema(string Name, string? Description, IReadOnlyList<ApiProperty> Properties, IReadOnlyList<string>? EnumValues);

internal sealed record ApiProperty(string JsonName, ApiType Type, bool Required, bool ReadOnly, string? Description, IReadOnlyList<string>? EnumValues);

/// <summary>A JSON type as the document describes it.</summary>
internal abstract record ApiType
{
    /// <summary>string, integer, number, boolean with their format (int32, int64, double, date-time, date, …).</summary>
    public sealed record Primitive(string Type, string? Format) : ApiType;

    /// <summary>A named definition.</summary>
    public sealed record Reference(string Name) : ApiType;

    public sealed record Array(ApiType Items) : ApiType;

    /// <summary>An object with <c>additionalProperties</c>: a map from string keys.</summary>
    public sealed record Map(ApiType Values) : ApiType;

    /// <summary>Anything else (a free-form object, an inline object): kept as JSON.</summary>
    public sealed record Any : ApiType;
}
