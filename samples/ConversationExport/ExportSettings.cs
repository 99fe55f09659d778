using GenesysCloud.Typed;

namespace ConversationExport;

/// <summary>What the export does; from the command line.</summary>
public sealed record ExportSettings
{
    /// <summary>NDJSON output: one conversation per line, in result order.</summary>
    public required string OutputPath { get; init; }
    /// <summary>ISO 8601 interval, <c>start/end</c>. Null on an emulator (embedded, or a host's <c>GET /emulator/info</c>):
    /// its whole span, so an export holds every conversation whatever the emulator was seeded with.</summary>
    public required string? Interval { get; init; }
    public int PageSize { get; init; } = 500;
    public bool Resume { get; init; }
    public string? JsonPath { get; init; }
    public string CheckpointPath => OutputPath + ".checkpoint.json";
}

/// <summary>The embedded emulator the export runs against when no credentials or emulator address are given.</summary>
public sealed record EmulatorSettings
{
    public int Conversations { get; init; } = 5000;
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromSeconds(5);
    public double FaultRate { get; init; } = 0.02;
    public double DropRate { get; init; } = 0.01;
    public int Seed { get; init; } = 1;
}

/// <summary>Where the API is when it is not the embedded emulator: an emulator host already running, or Genesys Cloud.</summary>
public sealed record RemoteSettings(Uri? BaseAddress, GenesysCloudRegion? Region, string ClientId, string ClientSecret)
{
    public override string ToString() => $"RemoteSettings({(object?)BaseAddress ?? Region}, client {ClientId}, secret redacted)";
}
