namespace GenesysCloud.Typed.Testing.Api;

/// <summary>Endpoint metadata: the scopes (any of) an authorization-code token needs for the endpoint.</summary>
internal sealed record RequiredScopes(params string[] AnyOf);
