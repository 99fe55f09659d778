namespace GenesysCloud.Typed.Redis;

/// <summary>How a fleet shares tokens and its request budget on Redis. The Redis password and TLS come from the
/// connection string of the <c>IConnectionMultiplexer</c> you pass (<c>password=…,ssl=true</c>).</summary>
public sealed class GenesysRedisOptions
{
    /// <summary>Prefix of every key. Tokens and budgets are further namespaced by OAuth client id, so two apps on one Redis
    /// never read each other's tokens.</summary>
    public string KeyPrefix { get; set; } = "genesys:";

    /// <summary>The AES-256-GCM key (32 bytes) that encrypts tokens at rest in Redis; every process of the fleet needs the
    /// same one. From configuration: <see cref="ParseKey"/> takes base64. Tokens are never stored in plain text.</summary>
    public byte[]? EncryptionKey { get; set; }

    /// <summary>How long one process may hold the fleet's token-fetch lock; a fetcher that crashed releases it by expiry.</summary>
    public TimeSpan FetchLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a process waiting for another's token fetch looks again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>While Redis is unreachable, how often a process tries it again (meanwhile it works alone).</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often each process says it is alive; the fleet's size is who said so in the last three intervals.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>While Redis is away a process paces at the budget divided by this. Null: the fleet size it last saw (or,
    /// if it never saw one, Pacing.MinimumShare of the budget).</summary>
    public int? OutageWorkers { get; set; }

    /// <summary>A 32-byte key from base64 (e.g. <c>openssl rand -base64 32</c>).</summary>
    public static byte[] ParseKey(string base64)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new ArgumentException("The Redis token encryption key is not base64 (expected 32 random bytes, e.g. from `openssl rand -base64 32`).");
        }
        return key.Length == 32 ? key : throw new ArgumentException($"The Redis token encryption key must be 32 bytes (AES-256); it is {key.Length}.");
    }

    internal void Validate()
    {
        var problems = new List<string>();
        if (EncryptionKey is not { Length: 32 }) problems.Add("EncryptionKey must be 32 bytes (AES-256-GCM): tokens are never stored in plain text.");
        if (string.IsNullOrEmpty(KeyPrefix)) problems.Add("KeyPrefix cannot be empty.");
        if (FetchLease <= TimeSpan.Zero) problems.Add("FetchLease must be positive.");
        if (PollInterval <= TimeSpan.Zero) problems.Add("PollInterval must be positive.");
        if (RetryInterval <= TimeSpan.Zero) problems.Add("RetryInterval must be positive.");
        if (HeartbeatInterval < TimeSpan.FromMilliseconds(100)) problems.Add("HeartbeatInterval must be at least 100 ms.");
        if (OutageWorkers is < 1) problems.Add("OutageWorkers must be at least 1.");
        if (problems.Count > 0) throw new ArgumentException("Invalid GenesysRedisOptions: " + string.Join(" ", problems));
    }

    public override string ToString() => $"GenesysRedisOptions(prefix {KeyPrefix}, key {(EncryptionKey is null ? "unset" : "redacted")})";
}
