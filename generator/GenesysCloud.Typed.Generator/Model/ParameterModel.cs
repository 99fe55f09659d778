namespace GenesysCloud.Typed.Generator.Model;

/// <param name="Declaration">The parameter as the implementation declares it: nullability attributes, params, type, name.</param>
/// <param name="AllowsNull">[AllowNull]: the value may be null although its type says otherwise.</param>
internal sealed record ParameterModel(
    string Name,
    string Type,
    string Declaration,
    bool AllowsNull,
    ParameterRole Role,
    string Key,
    QueryCollectionFormat Format,
    ValueModel Value,
    Marks TypeMarks);

internal enum ParameterRole { Route, Query, Header, Body, CancellationToken }
