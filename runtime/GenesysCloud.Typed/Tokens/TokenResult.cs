namespace GenesysCloud.Typed;

/// <summary>What the token endpoint answered: the access token and, for the authorization-code grants, a refresh token.</summary>
internal sealed record TokenResult(AccessToken AccessToken, string? RefreshToken)
{
    public override string ToString() => $"TokenResult({AccessToken}, refresh token {(RefreshToken is null ? "none" : "redacted")})";
}
