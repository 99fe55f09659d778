using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GenesysCloud.Typed;

/// <summary>Metrics (Meter "GenesysCloud.Typed") and traces (ActivitySource "GenesysCloud.Typed").</summary>
public sealed class GenesysTelemetry : IDisposable
{
    public const string Name = "GenesysCloud.Typed";
    internal static readonly ActivitySource ActivitySource = new(Name, typeof(GenesysTelemetry).Assembly.GetName().Version?.ToString());

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _replays;
    private readonly Counter<long> _refreshes;
    private readonly Histogram<double> _tokenFetchDuration;
    private readonly Histogram<double> _requestDuration;
    private long _retryCount, _throttledCount, _refreshCount, _replayCount, _requestCount;

    internal GenesysTelemetry(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        _ownsMeter = meterFactory is null;
        _requests = _meter.CreateCounter<long>("genesys.client.requests", "{request}", "HTTP attempts sent to the Genesys Cloud API");
        _retries = _meter.CreateCounter<long>("genesys.client.retries", "{retry}", "Attempts repeated after a 429, 5xx or transport failure");
        _throttled = _meter.CreateCounter<long>("genesys.client.throttled", "{response}", "429 answers received");
        _replays = _meter.CreateCounter<long>("genesys.client.auth_replays", "{request}", "Requests replayed once after a 401");
        _refreshes = _meter.CreateCounter<long>("genesys.client.token_refreshes", "{token}", "Access tokens obtained");
        _tokenFetchDuration = _meter.CreateHistogram<double>("genesys.client.token_fetch.duration", "s", "Time to obtain a token from the login host");
        _requestDuration = _meter.CreateHistogram<double>("genesys.client.request.duration", "s", "Time of one HTTP attempt");
    }

    /// <summary>Counts for dashboards and the batch job's summary, since this connection was created.</summary>
    public GenesysCounters Counters => new(
        Interlocked.Read(ref _requestCount), Interlocked.Read(ref _retryCount), Interlocked.Read(ref _throttledCount),
        Interlocked.Read(ref _refreshCount), Interlocked.Read(ref _replayCount));

    /// <summary>Someone listens to the per-attempt instruments, so an attempt's duration is worth reading the clock for.</summary>
    internal bool ListensToRequests => _requests.Enabled || _requestDuration.Enabled;

    internal void RequestSent(string method, string route, int status, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _requestCount);
        if (!_requests.Enabled && !_requestDuration.Enabled) return;   // nobody listens: skip the tags (and their boxing)
        var tags = new TagList { { "http.request.method", method }, { "genesys.route", route }, { "http.response.status_code", status } };
        _requests.Add(1, tags);
        _requestDuration.Record(elapsed.TotalSeconds, tags);
    }

    internal void Retried(string method, string route, string reason)
    {
        Interlocked.Increment(ref _retryCount);
        _retries.Add(1, new TagList { { "http.request.method", method }, { "genesys.route", route }, { "genesys.retry_reason", reason } });
    }

    internal void Throttled(string route)
    {
        Interlocked.Increment(ref _throttledCount);
        _throttled.Add(1, new KeyValuePair<string, object?>("genesys.route", route));
    }

    internal void Replayed(string route)
    {
        Interlocked.Increment(ref _replayCount);
        _replays.Add(1, new KeyValuePair<string, object?>("genesys.route", route));
    }

    internal void TokenRefreshed(string grant)
    {
        Interlocked.Increment(ref _refreshCount);
        _refreshes.Add(1, new KeyValuePair<string, object?>("genesys.grant", grant));
    }

    internal void TokenFetched(string grant, string outcome, TimeSpan elapsed) =>
        _tokenFetchDuration.Record(elapsed.TotalSeconds, new TagList { { "genesys.grant", grant }, { "genesys.outcome", outcome } });

    public void Dispose()
    {
        if (_ownsMeter) _meter.Dispose();
    }
}

/// <summary>Totals since the connection was created.</summary>
public readonly record struct GenesysCounters(long Requests, long Retries, long Throttled, long TokenRefreshes, long AuthReplays);
