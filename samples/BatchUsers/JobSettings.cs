namespace BatchUsers;

/// <summary>What the job does; from the command line.</summary>
public sealed record JobSettings
{
    public required UserChange Change { get; init; }
    public int Concurrency { get; init; } = 8;
    public int PageSize { get; init; } = 100;
    /// <summary>Which users to list: any (active and inactive), active or inactive. Deleted users are skipped.</summary>
    public string State { get; init; } = "any";
    /// <summary>Write changes. Always on against the emulator; off (dry run) against real Genesys unless --apply.</summary>
    public bool Apply { get; init; } = true;
    public bool Resume { get; init; }
    public string CheckpointPath { get; init; } = Path.Combine(".checkpoints", "batchusers.json");
    public string? JsonPath { get; init; }
}

/// <summary>The emulator the job runs against when no Genesys credentials are configured.</summary>
public sealed record EmulatorSettings
{
    public int Users { get; init; } = 2000;
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromSeconds(5);
    public double FaultRate { get; init; } = 0.02;
    public double DropRate { get; init; } = 0.01;
    /// <summary>Requests per minute per OAuth client: 10× Genesys's 300 so the default run takes about a minute.</summary>
    public int RateLimit { get; init; } = 3000;
    public int Seed { get; init; } = 1;
}

/// <summary>Real Genesys Cloud, from GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET / GENESYS_REGION; or an emulator host already
/// running at <see cref="EmulatorAddress"/> (--emulator), whose writes are always applied.</summary>
public sealed record GenesysSettings(string ClientId, string ClientSecret, GenesysCloud.Typed.GenesysCloudRegion? Region, int PaceRequestsPerMinute,
    Uri? EmulatorAddress = null)
{
    public override string ToString() => $"GenesysSettings({EmulatorAddress?.ToString() ?? Region.ToString()}, client {ClientId}, secret redacted)";
}

/// <summary>Fleet mode (--redis): workers with the same run id share one run through Redis.</summary>
public sealed record FleetSettings(string RedisConnectionString, string RunId, TimeSpan Lease, byte[] TokenKey)
{
    public override string ToString() => $"FleetSettings(run {RunId}, lease {Lease}, Redis and token key redacted)";
}
