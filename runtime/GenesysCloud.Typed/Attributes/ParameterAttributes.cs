namespace GenesysCloud.Typed;

/// <summary>Binds a parameter to the query string. Collections repeat the key (<c>expand=a&amp;expand=b</c>) unless
/// <see cref="Format"/> says otherwise; nulls are omitted; enums use their JSON names; booleans are lower-case.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class QueryAttribute : Attribute
{
    public QueryAttribute() { }

    public QueryAttribute(string name) => Name = name;

    /// <summary>The query key; the parameter's name when null.</summary>
    public string? Name { get; }

    public QueryCollectionFormat Format { get; set; } = QueryCollectionFormat.Multi;
}

/// <summary>Sends the parameter as the JSON request body.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class BodyAttribute : Attribute;

/// <summary>Sends the parameter as a request header; null omits it.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class HeaderAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
