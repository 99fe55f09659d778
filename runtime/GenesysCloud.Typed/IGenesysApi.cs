namespace GenesysCloud.Typed;

/// <summary>Implemented by every generated <c>[GenesysApi]</c> interface: how DI (<c>AddApi&lt;T&gt;()</c>) creates a
/// client without reflection, and what the interface's endpoints require.</summary>
public interface IGenesysApi<TSelf> where TSelf : IGenesysApi<TSelf>
{
    static abstract TSelf Create(GenesysCloudConnection connection);

    /// <summary>Every endpoint of the interface with its effective scopes.</summary>
    static abstract IReadOnlyList<GenesysEndpoint> Endpoints { get; }
}

/// <summary>An endpoint as declared: method, route and the scopes it accepts (any of).</summary>
public sealed record GenesysEndpoint(string Name, string Method, string Route, IReadOnlyList<string> RequiredScopes)
{
    /// <summary>True when <paramref name="grantedScopes"/> holds one of the required scopes (<c>X</c> covers
    /// <c>X:readonly</c>), or when the endpoint declares none.</summary>
    public bool IsCoveredBy(IEnumerable<string> grantedScopes)
    {
        if (RequiredScopes.Count == 0) return true;
        var granted = grantedScopes as ICollection<string> ?? grantedScopes.ToList();
        return RequiredScopes.Any(required => granted.Any(g => Scopes.Covers(g, required)));
    }

    public override string ToString() => $"{Method} {Route} ({Name})";
}

public static class Scopes
{
    /// <summary><c>X</c> covers <c>X</c> and <c>X:readonly</c>.</summary>
    public static bool Covers(string granted, string required) => ScopeCoverage.Covers(granted, required);

    /// <summary>The endpoints that <paramref name="grantedScopes"/> does not cover: check this at start-up, before a
    /// long job meets its first 403.</summary>
    public static IReadOnlyList<GenesysEndpoint> Uncovered(IEnumerable<GenesysEndpoint> endpoints, IEnumerable<string> grantedScopes)
    {
        var granted = grantedScopes.ToList();
        return endpoints.Where(e => !e.IsCoveredBy(granted)).ToList();
    }
}
