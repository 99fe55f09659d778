using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenesysCloud.Typed;

/// <summary>One Genesys Cloud org and credential: the token source, the resilient pipeline and the serializer that
/// every generated client created from it shares. Thread-safe; create one per credential and keep it.</summary>
public sealed class GenesysCloudConnection : IAsyncDisposable, IDisposable
{
    private readonly HttpClient? _ownedClient;
    private readonly Func<HttpClient> _http;
    private readonly TokenSource _tokens;
    private readonly RequestPipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly IGenesysRequestBudget? _pacer;
    private readonly SecretRedactor _redactor = new();
    // The connection's options with an interface's JsonContext in front, one per context.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<JsonSerializerContext, JsonSerializerOptions> _contextOptions = new();
    // Cancelled on disposal: every wait of every call in flight (pacing, token, retry delay, paging) ends with it.
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    public GenesysCloudConnection(GenesysCloudOptions options) : this(options, httpClientFactory: null, meterFactory: null) { }

    /// <summary>For hosts: sends through <paramref name="httpClientFactory"/> (named client "GenesysCloud") and
    /// records metrics through <paramref name="meterFactory"/>.</summary>
    public GenesysCloudConnection(GenesysCloudOptions options, Func<HttpClient>? httpClientFactory, IMeterFactory? meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _time = options.TimeProvider;
        ApiBaseAddress = EnsureTrailingSlash(options.ResolveApiBaseAddress());
        LoginBaseAddress = EnsureTrailingSlash(options.ResolveLoginBaseAddress());
        if (httpClientFactory is not null)
        {
            _http = httpClientFactory;
        }
        else
        {
            _ownedClient = options.HttpClient ?? new HttpClient(options.HttpMessageHandler ?? DefaultHandler(), disposeHandler: options.HttpMessageHandler is null)
            {
                Timeout = Timeout.InfiniteTimeSpan,   // the pipeline owns timeouts
                MaxResponseContentBufferSize = options.MaxResponseBytes,
            };
            if (options.HttpClient is not null) _ownedClient = null;   // the caller's client: used, never disposed
            var client = options.HttpClient ?? _ownedClient!;
            if (!client.DefaultRequestHeaders.UserAgent.Any()) client.DefaultRequestHeaders.UserAgent.TryParseAdd(options.UserAgent);
            // Our own client says Accept once for every request; a client or factory we do not own gets it per request.
            if (_ownedClient is not null) _ownedClient.DefaultRequestHeaders.Accept.Add(new("application/json"));
            _http = () => client;
        }
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("GenesysCloud.Typed");
        Logger = logger;
        Telemetry = new GenesysTelemetry(meterFactory);
        JsonOptions = CreateJsonOptions(options);
        _redactor.Add(options.ClientSecret);
        var endpoint = new TokenEndpointClient(_http, LoginBaseAddress, options, logger, Telemetry, _redactor);
        var credential = options.ResolveCredential();
        var shared = options.TokenCache is { } cache && credential.CacheKey(LoginBaseAddress) is { } key ? (cache, key) : default;
        _tokens = new TokenSource(credential.CreateFetcher(endpoint), options.Tokens, _time, logger, Telemetry, _redactor, shared.cache, shared.key);
        _pacer = options.RequestBudgetFactory?.Invoke(options.Pacing, _time)
            ?? (options.Pacing.RequestsPerMinute is null ? null : new AdaptivePacer(options.Pacing, _time));
        Responses = new ResponseReader(_redactor, _time);
        _pipeline = new RequestPipeline(options, _http, _tokens, ApiBaseAddress, logger, Telemetry, _pacer, _redactor, _stopping.Token,
            acceptIsDefault: _ownedClient is not null);
    }

    public GenesysCloudOptions Options { get; }

    internal ILogger Logger { get; }

    public Uri ApiBaseAddress { get; }

    public Uri LoginBaseAddress { get; }

    public JsonSerializerOptions JsonOptions { get; }

    public GenesysTelemetry Telemetry { get; }

    /// <summary>The paced rate in requests per minute, or null when pacing is off.</summary>
    public double? PacedRequestsPerMinute => _pacer?.CurrentRate;

    /// <summary>The type info for <typeparamref name="T"/> from <see cref="GenesysCloudOptions.TypeInfoResolver"/>, else
    /// from reflection (not available under NativeAOT).</summary>
    public JsonTypeInfo<T> GetTypeInfo<T>()
    {
        try
        {
            return (JsonTypeInfo<T>)JsonOptions.GetTypeInfo(typeof(T));
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException)
        {
            throw new InvalidOperationException(
                $"No JSON contract for {typeof(T).FullName}. Under NativeAOT or trimming, set GenesysCloudOptions.TypeInfoResolver to a " +
                $"JsonSerializerContext with [JsonSerializable(typeof({typeof(T).Name}))].", ex);
        }
    }

    /// <summary>The type info for <typeparamref name="T"/> from <paramref name="context"/> (the interface's
    /// <c>[GenesysApi(JsonContext = …)]</c>), under this connection's JSON options: the context comes first, so the
    /// contract is the generated one, with the connection's resolver behind it. The generator has checked at build time
    /// that the context declares <typeparamref name="T"/>.</summary>
    public JsonTypeInfo<T> GetTypeInfo<T>(JsonSerializerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = _contextOptions.GetOrAdd(context, static (c, connectionOptions) =>
        {
            var resolvers = connectionOptions.TypeInfoResolver is { } own ? new[] { c, own } : new IJsonTypeInfoResolver[] { c };
            var withContext = new JsonSerializerOptions(connectionOptions) { TypeInfoResolver = JsonTypeInfoResolver.Combine(resolvers) };
            withContext.MakeReadOnly();
            return withContext;
        }, JsonOptions);
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    public ReadOnlyMemory<byte> SerializeBody<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    /// <summary>The low-level send for code that reads the answer itself (generated methods call SendAsync,
    /// SendForResponseAsync, Paginate or Job instead): the full pipeline, the final response as it came (success or not).
    /// The caller disposes it.</summary>
    public Task<HttpResponseMessage> SendRawAsync(GenesysRequest request, CancellationToken cancellationToken = default)
    {
        return SendCoreAsync(request, cancellationToken).AsTask();
    }

    // What the typed methods, paging and jobs await: a ValueTask, so a call that completes at once allocates no Task.
    internal ValueTask<HttpResponseMessage> SendCoreAsync(GenesysRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _pipeline.SendAsync(request, cancellationToken);
    }

    /// <summary>A wait between requests of one walk (a job's next poll) on the connection's clock: the caller's token
    /// ends it with <see cref="OperationCanceledException"/>, disposal of the connection at once with
    /// <see cref="ObjectDisposedException"/>, like every other wait of a call in flight.</summary>
    internal async Task DelayAsync(TimeSpan delay, string waitingFor, CancellationToken cancellationToken)
    {
        // Disposed just before the wait began: the same answer as during it.
        if (Volatile.Read(ref _disposed) != 0) throw new ObjectDisposedException(nameof(GenesysCloudConnection), $"The connection was disposed while {waitingFor}.");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        try
        {
            await Task.Delay(delay, _time, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(GenesysCloudConnection), $"The connection was disposed while {waitingFor}.");
        }
    }

    /// <summary>Sends and reads the JSON answer; any error becomes a typed exception.</summary>
    public async Task<T> SendAsync<T>(GenesysRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        using var response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        var value = await Responses.ReadJsonAsync(response, request, typeInfo, cancellationToken).ConfigureAwait(false);
        return value ?? throw Responses.Empty(request, response, typeof(T));
    }

    /// <summary>Sends and discards the answer's body; any error becomes a typed exception.</summary>
    public async Task SendAsync(GenesysRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        await Responses.ReadBytesAsync(response, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends and returns the value with status, headers and correlation id. 204 gives a null value.</summary>
    public async Task<ApiResponse<T>> SendForResponseAsync<T>(GenesysRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        using var response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        var value = await Responses.ReadJsonAsync(response, request, typeInfo, cancellationToken).ConfigureAwait(false);
        return new ApiResponse<T>(response.StatusCode, response.Headers, value);
    }

    /// <summary>A paged listing; nothing is sent until it is enumerated.</summary>
    public GenesysPageable<T> Paginate<T>(GenesysRequest firstPage, JsonTypeInfo<T> typeInfo, PagingStyle style = PagingStyle.PageNumber,
        string itemsProperty = PagingDefaults.ItemsProperty, CancellationToken cancellationToken = default) =>
        new(this, firstPage, typeInfo, style, itemsProperty, prefetch: false, cancellationToken);

    /// <summary>An asynchronous job submitted by <paramref name="submit"/>: status at <paramref name="statusPath"/> (default:
    /// the submit path + <c>/{jobId}</c>), results by cursor at <paramref name="resultsPath"/> (default: the status path +
    /// <c>/results</c>) with the items under <paramref name="itemsProperty"/>. Nothing is sent until it is enumerated.</summary>
    public GenesysJob<T> Job<T>(GenesysRequest submit, JsonTypeInfo<T> typeInfo, string itemsProperty, string? statusPath = null,
        string? resultsPath = null, CancellationToken cancellationToken = default) =>
        new(this, submit, typeInfo, itemsProperty, statusPath, resultsPath, cancellationToken);

    /// <summary>The one reader of answers, for calls, paging and jobs.</summary>
    internal ResponseReader Responses { get; }

    private static JsonSerializerOptions CreateJsonOptions(GenesysCloudOptions options)
    {
        var json = options.JsonSerializerOptions is { } given
            ? new JsonSerializerOptions(given)
            : new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        if (options.TypeInfoResolver is { } resolver)
            json.TypeInfoResolver = json.TypeInfoResolver is null ? resolver : JsonTypeInfoResolver.Combine(resolver, json.TypeInfoResolver);
        return json;
    }

    private static SocketsHttpHandler DefaultHandler() => new()
    {
        // Never follow redirects: a 3xx to another host must not carry our Authorization anywhere.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private static Uri EnsureTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // First wake every waiter (they end with ObjectDisposedException), then release what they were waiting on.
        _stopping.Cancel();
        _tokens.Dispose();
        _pacer?.Dispose();
        _ownedClient?.Dispose();
        Telemetry.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public override string ToString() => $"GenesysCloudConnection({ApiBaseAddress})";
}
