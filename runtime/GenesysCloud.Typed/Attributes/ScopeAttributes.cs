namespace GenesysCloud.Typed;

/// <summary>The OAuth scopes an endpoint accepts (any of them). On an interface, its methods inherit it unless they
/// declare their own. The analyzers check it against <see cref="GrantedScopesAttribute"/> at compile time.</summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method, Inherited = false)]
public sealed class RequiresScopeAttribute(params string[] scopes) : Attribute
{
    public IReadOnlyList<string> Scopes { get; } = scopes;
}

/// <summary>The OAuth scopes this application's client holds. <c>X</c> covers <c>X:readonly</c>.</summary>
[AttributeUsage(AttributeTargets.Assembly, Inherited = false)]
public sealed class GrantedScopesAttribute(params string[] scopes) : Attribute
{
    public IReadOnlyList<string> Scopes { get; } = scopes;
}
