namespace GenesysCloud.Typed;

/// <summary>Stages 5 and 7: the access token for each send (time off the wire: waiting for it counts against the call's
/// budget, not the attempt's), and after a 401 the decision to replay once with a fresh one. A refresh helps for an
/// expired or revoked token, never for an IP block (<c>ip.not.authorized</c>); the rejected token is forgotten only if
/// it is still the current one, so a burst of 401s for one dead token causes one fetch.</summary>
internal sealed class TokenStage(TokenSource tokens, SecretRedactor redactor)
{
    public ValueTask<AccessToken> GetAsync(CallScope call) =>
        tokens.TryGetNow(call.Now, out var token) ? new(token) : tokens.GetTokenAsync(call.Waiting());

    /// <summary>A 401 answered a send made with <paramref name="sentWith"/>: the error code when a replay may help (the
    /// token is then forgotten), or null when the 401 is the answer.</summary>
    public async ValueTask<(bool Replay, string? Code)> After401Async(HttpResponseMessage response, AccessToken sentWith, CallScope call)
    {
        var error = await ErrorReader.ReadAsync(response, call.Time.GetUtcNow(), redactor, call.Waiting()).ConfigureAwait(false);
        if (error.Code == "ip.not.authorized") return (false, error.Code);
        tokens.Invalidate(sentWith);
        return (true, error.Code);
    }
}
