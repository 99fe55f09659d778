using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Typed;

/// <summary>Where and how to reach Genesys Cloud. <see cref="ToString"/> never shows the secret.</summary>
public sealed class GenesysCloudOptions
{
    /// <summary>The org's region. Set this or <see cref="BaseAddress"/>.</summary>
    public GenesysCloudRegion? Region { get; set; }

    /// <summary>An explicit API base address (an emulator, a gateway). The login host is derived (<c>api.</c> →
    /// <c>login.</c>) unless <see cref="LoginBaseAddress"/> is set; a host without <c>api.</c> serves both.</summary>
    public Uri? BaseAddress { get; set; }

    public Uri? LoginBaseAddress { get; set; }

    /// <summary>With <see cref="ClientSecret"/>: the client-credentials grant (the default credential).</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Any other credential: authorization code, a static token, your own provider.</summary>
    public GenesysCredential? Credential { get; set; }

    /// <summary>Serializer options for bodies; defaults to web defaults (camelCase, case-insensitive, nulls omitted).</summary>
    public JsonSerializerOptions? JsonSerializerOptions { get; set; }

    /// <summary>A <c>JsonSerializerContext</c> (or other resolver) for your models: required under NativeAOT.</summary>
    public IJsonTypeInfoResolver? TypeInfoResolver { get; set; }

    /// <summary>The transport; defaults to a SocketsHttpHandler that never follows redirects.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>An HttpClient to send with (its BaseAddress is ignored).</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Budget for one call including every retry and wait.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Budget for one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    public GenesysRetryOptions Retry { get; set; } = new();

    public GenesysTokenOptions Tokens { get; set; } = new();

    /// <summary>Optional client-side pacing; off by default.</summary>
    public GenesysPacingOptions Pacing { get; set; } = new();

    /// <summary>When a paged walk gives up on a server that keeps pointing to empty pages.</summary>
    public GenesysPagingOptions Paging { get; set; } = new();

    /// <summary>How asynchronous jobs are polled and how long they may take.</summary>
    public GenesysJobOptions Jobs { get; set; } = new();

    /// <summary>Shares tokens with other processes (e.g. GenesysCloud.Typed.Redis's <c>UseRedisFleet</c>). Null: this
    /// connection's tokens are its own. Static and custom-provider credentials are never shared.</summary>
    public IGenesysTokenCache? TokenCache { get; set; }

    /// <summary>Builds the request budget from <see cref="Pacing"/> when the connection is created (e.g. a fleet-wide one);
    /// returning null falls back to in-process pacing. Null: in-process pacing when <see cref="GenesysPacingOptions.RequestsPerMinute"/> is set.</summary>
    public Func<GenesysPacingOptions, TimeProvider, IGenesysRequestBudget?>? RequestBudgetFactory { get; set; }

    /// <summary>Your own stages in every call's pipeline (a header on every request, an audit of every write), in order.
    /// Each runs once per attempt — retries and the 401 replay included — after the pacing turn and the token, around
    /// the send; see <see cref="GenesysPipelineStage"/>. Read when the connection is created.</summary>
    public IList<GenesysPipelineStage> PipelineStages { get; } = new List<GenesysPipelineStage>();

    /// <summary>Bodies larger than this are refused rather than buffered.</summary>
    public long MaxResponseBytes { get; set; } = 64 * 1024 * 1024;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; set; }

    public string UserAgent { get; set; } = "GenesysCloud.Typed/" + typeof(GenesysCloudOptions).Assembly.GetName().Version?.ToString(3);

    /// <summary>The API base address: <see cref="BaseAddress"/>, else the region's.</summary>
    public Uri ResolveApiBaseAddress() => BaseAddress ?? Region?.ApiBaseAddress()
        ?? throw new InvalidOperationException("GenesysCloudOptions needs a Region or a BaseAddress.");

    public Uri ResolveLoginBaseAddress()
    {
        if (LoginBaseAddress is not null) return LoginBaseAddress;
        if (BaseAddress is null) return Region?.LoginBaseAddress() ?? ResolveApiBaseAddress();
        if (!BaseAddress.Host.StartsWith("api.", StringComparison.OrdinalIgnoreCase)) return BaseAddress;
        return new UriBuilder(BaseAddress) { Host = "login." + BaseAddress.Host["api.".Length..] }.Uri;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem at once.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (Region is null && BaseAddress is null) problems.Add("Set Region (e.g. GenesysCloudRegion.UsEast1) or BaseAddress.");
        if (Region is { } region && !Enum.IsDefined(region)) problems.Add($"Region {(int)region} is not a Genesys Cloud region.");
        foreach (var (name, uri) in new[] { (nameof(BaseAddress), BaseAddress), (nameof(LoginBaseAddress), LoginBaseAddress) })
        {
            if (uri is null) continue;
            if (!uri.IsAbsoluteUri) problems.Add($"{name} must be an absolute URI.");
            else if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
                problems.Add($"{name} {uri.GetLeftPart(UriPartial.Authority)} uses plain http: tokens would cross the network unencrypted. Use https (plain http is allowed only for loopback, e.g. the emulator).");
            else if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) problems.Add($"{name} must be http(s).");
            else if (!string.IsNullOrEmpty(uri.Query)) problems.Add($"{name} cannot have a query string.");
        }
        if (Credential is null)
        {
            if (string.IsNullOrWhiteSpace(ClientId)) problems.Add("Set ClientId and ClientSecret (client credentials) or Credential.");
            else if (string.IsNullOrEmpty(ClientSecret)) problems.Add($"ClientSecret is empty for client {ClientId}.");
        }
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromHours(24)) problems.Add($"Timeout must be more than zero and at most 24 hours (it is {Timeout}; in configuration a bare \"30\" means 30 days: write \"00:00:30\").");
        if (AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > TimeSpan.FromHours(24)) problems.Add($"AttemptTimeout must be more than zero and at most 24 hours (it is {AttemptTimeout}).");
        if (MaxResponseBytes is < 1024 or > int.MaxValue) problems.Add($"MaxResponseBytes must be from 1024 to {int.MaxValue} (what HttpClient can buffer).");
        if (HttpClient is not null && HttpMessageHandler is not null) problems.Add("Set HttpClient or HttpMessageHandler, not both.");
        for (var i = 0; i < PipelineStages.Count; i++)
            if (PipelineStages[i] is null) problems.Add($"PipelineStages[{i}] is null.");
        problems.AddRange(Retry.Validate());
        problems.AddRange(Tokens.Validate());
        problems.AddRange(Pacing.Validate());
        problems.AddRange(Paging.Validate());
        problems.AddRange(Jobs.Validate());
        if (problems.Count > 0)
            throw new ArgumentException("Invalid GenesysCloudOptions: " + string.Join(" ", problems));
    }

    internal GenesysCredential ResolveCredential() =>
        Credential ?? GenesysCredential.ClientCredentials(ClientId!, ClientSecret!);

    public override string ToString() =>
        $"GenesysCloudOptions(api {(BaseAddress ?? Region?.ApiBaseAddress())?.ToString() ?? "unset"}, client {ClientId ?? "-"}, " +
        $"secret {(string.IsNullOrEmpty(ClientSecret) ? "unset" : "redacted")}, credential {Credential?.ToString() ?? "client credentials"})";
}
