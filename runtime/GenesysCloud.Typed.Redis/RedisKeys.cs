namespace GenesysCloud.Typed.Redis;

/// <summary>Every key the fleet uses, in one place. Each starts with <see cref="GenesysRedisOptions.KeyPrefix"/>; the part
/// in braces is the Redis Cluster hash tag, so the keys one script touches (a token and its lock, a budget and its
/// members) always live on one shard.
/// <list type="bullet">
/// <item><c>{prefix}{{cacheKey}}:token</c> — the shared access token (a hash: ciphertext, key id, fingerprint, expiry);</item>
/// <item><c>{prefix}{{cacheKey}}:lock</c> — who is fetching it for the fleet (owner, with a lease);</item>
/// <item><c>{prefix}{budget/{loginHost}/{clientId}}:budget</c> and <c>…:members</c> — the fleet's request budget and
/// the live processes that share it;</item>
/// <item><c>{prefix}{refresh/{clientId}/{userKey}}:refresh</c> — a shared, encrypted refresh token;</item>
/// <item><c>{prefix}{verify}:probe</c> — the start-up check's short-lived key.</item>
/// </list></summary>
internal sealed class RedisKeys(string prefix)
{
    public string Token(string cacheKey) => $"{prefix}{{{cacheKey}}}:token";

    public string TokenLock(string cacheKey) => $"{prefix}{{{cacheKey}}}:lock";

    /// <summary>One budget per login host and OAuth client: the server's rate limit is per client.</summary>
    public static string BudgetName(string loginAuthority, string clientId) => $"budget/{loginAuthority}/{clientId}";

    public string Budget(string budgetName) => $"{prefix}{{{budgetName}}}:budget";

    public string BudgetMembers(string budgetName) => $"{prefix}{{{budgetName}}}:members";

    public string RefreshToken(string clientId, string userKey) => $"{prefix}{{refresh/{clientId}/{userKey}}}:refresh";

    public string Probe => $"{prefix}{{verify}}:probe";
}
