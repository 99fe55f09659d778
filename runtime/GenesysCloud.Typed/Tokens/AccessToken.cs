using System.Diagnostics;

namespace GenesysCloud.Typed;

/// <summary>An OAuth access token with the moment it stops working on this machine's clock.
/// <see cref="ToString"/> never shows the value.</summary>
public sealed class AccessToken
{
    public AccessToken(string value, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
        ExpiresAt = expiresAt;
    }

    /// <summary>The bearer value. Do not log it.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Value { get; }

    /// <summary>Local receive time + <c>expires_in</c> (the server's clock never enters into it).</summary>
    public DateTimeOffset ExpiresAt { get; }

    private System.Net.Http.Headers.AuthenticationHeaderValue? _header;

    /// <summary>The Authorization value, built once per token rather than once per request.</summary>
    internal System.Net.Http.Headers.AuthenticationHeaderValue Header => _header ??= new("Bearer", Value);

    public override string ToString() => $"AccessToken(expires {ExpiresAt:O}, value redacted)";
}
