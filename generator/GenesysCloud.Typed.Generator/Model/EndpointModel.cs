namespace GenesysCloud.Typed.Generator.Model;

/// <summary>An endpoint method the generator implements.</summary>
internal sealed record EndpointModel(
    string DeclaringInterface,
    string Name,
    string ReturnType,
    string ReturnAttributes,
    ReturnKind ReturnKind,
    string? ResultType,
    string HttpMethod,
    string Route,
    EquatableArray<ParameterModel> Parameters,
    EquatableArray<string> Scopes,
    PagingStyle PagingStyle,
    string ItemsProperty,
    bool Idempotent,
    Marks Marks,
    Marks ResultMarks,
    string? JobStatusPath = null,
    string? JobResultsPath = null);

internal enum ReturnKind { Task, Value, ApiResponse, AsyncEnumerable, Pageable, Job }
