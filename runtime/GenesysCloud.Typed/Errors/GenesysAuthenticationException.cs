namespace GenesysCloud.Typed;

/// <summary>The login host refused to issue a token (<c>invalid_client</c>, <c>invalid_grant</c>, …), or answered
/// something that is not a token. Never carries the secret, the code or the refresh token.</summary>
public sealed class GenesysAuthenticationException : Exception
{
    public GenesysAuthenticationException(string message, string? error = null, int? status = null, string? correlationId = null, Exception? inner = null)
        : base(message, inner)
    {
        Error = error;
        Status = status;
        CorrelationId = correlationId;
    }

    /// <summary>The OAuth error code, e.g. <c>invalid_grant</c>.</summary>
    public string? Error { get; }

    public int? Status { get; }

    public string? CorrelationId { get; }

    /// <summary>True when only a person can fix it: the refresh token is dead (revoked, expired, rotated away) and the
    /// user must authorize the app again.</summary>
    public bool RequiresReauthorization => Error == "invalid_grant";
}
