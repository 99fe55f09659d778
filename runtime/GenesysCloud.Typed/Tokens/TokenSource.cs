using Microsoft.Extensions.Logging;

namespace GenesysCloud.Typed;

/// <summary>The current token for one credential. Hot path: a volatile read, no lock. In the soft window before expiry
/// one background refresh runs while callers keep the current token; past the hard expiry callers wait on one shared
/// fetch (single-flight). A waiter's cancellation never cancels the shared fetch. Failures are not cached, but the next
/// fetch waits out a cool-down so a broken login host is not hammered.</summary>
internal sealed class TokenSource : IDisposable
{
    private readonly ITokenFetcher _fetcher;
    private readonly GenesysTokenOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly GenesysTelemetry _telemetry;
    private readonly SecretRedactor _redactor;
    private readonly CancellationTokenSource _disposed = new();
    private readonly object _gate = new();
    private volatile Held? _current;
    private Task<AccessToken>? _inflight;
    private int _failures;
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;
    private readonly IGenesysTokenCache? _cache;
    private readonly SharedTokenKey? _cacheKey;
    private AccessToken? _last;   // the latest token obtained, kept after an invalidation: the shared cache must not hand it back
    private bool _lastRejected;

    public TokenSource(ITokenFetcher fetcher, GenesysTokenOptions options, TimeProvider time, ILogger logger, GenesysTelemetry telemetry,
        SecretRedactor redactor, IGenesysTokenCache? cache = null, SharedTokenKey? cacheKey = null)
    {
        _cache = cacheKey is null ? null : cache;
        _cacheKey = cacheKey;
        _redactor = redactor;
        _fetcher = fetcher;
        _options = options;
        _time = time;
        _logger = logger;
        _telemetry = telemetry;
    }

    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) =>
        TryGetNow(_time.GetUtcNow(), out var token) ? new ValueTask<AccessToken>(token) : new ValueTask<AccessToken>(WaitForTokenAsync(cancellationToken));

    /// <summary>The held token, when it is still valid at <paramref name="now"/>: nothing to wait for. Past its soft
    /// expiry this also starts the refresh in the background.</summary>
    public bool TryGetNow(DateTimeOffset now, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AccessToken? token)
    {
        var held = _current;
        if (held is not null && now < held.HardExpiry)
        {
            if (now >= held.SoftExpiry) RefreshInBackground(held);
            token = held.Token;
            return true;
        }
        token = null;
        return false;
    }

    /// <summary>The server rejected <paramref name="token"/>. Forget it only if it is still the current one, so a burst
    /// of 401s for one dead token causes one fetch, not one per request.</summary>
    public void Invalidate(AccessToken token)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_current?.Token, token))
            {
                _current = null;
                if (ReferenceEquals(_last, token)) _lastRejected = true;
                Log.TokenInvalidated(_logger, _fetcher.Grant);
                // Shared: drop it for every process, but only if it is still the shared one (the cache compares and deletes).
                if (_cache is not null) _ = InvalidateSharedAsync(token);
            }
        }
    }

    private async Task InvalidateSharedAsync(AccessToken token)
    {
        try
        {
            await _cache!.InvalidateAsync(_cacheKey!.Key, token, _disposed.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Harmless: the next fetch names this token as the one to replace, so the cache never hands it back.
            Log.TokenFetchFailed(_logger, _fetcher.Grant + " (shared invalidation)", 0, ex.GetType().Name);
        }
    }

    private Task<AccessToken> FetchThroughCacheAsync(CancellationToken cancellationToken)
    {
        if (_cache is null) return _fetcher.FetchAsync(cancellationToken);
        AccessToken? replacing;
        bool rejected;
        lock (_gate) (replacing, rejected) = (_last, _lastRejected);
        return _cache.GetTokenAsync(new GenesysTokenCacheRequest(_cacheKey!.Key, _cacheKey.ClientId, replacing, _options.RefreshBeforeExpiry,
            _fetcher.FetchAsync, rejected), cancellationToken);
    }

    private async Task<AccessToken> WaitForTokenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task<AccessToken>? fetch;
            TimeSpan coolDown;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                if (_current is { } held && now < held.HardExpiry) return held.Token;
                coolDown = _notBefore - now;
                if (_inflight is null && coolDown <= TimeSpan.Zero) _inflight = StartFetch();
                fetch = _inflight;
            }
            if (fetch is null)
            {
                await Task.Delay(coolDown, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }
            return await fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void RefreshInBackground(Held held)
    {
        lock (_gate)
        {
            if (_inflight is not null || !ReferenceEquals(_current, held) || _time.GetUtcNow() < _notBefore) return;
            Log.TokenRefreshingAhead(_logger, _fetcher.Grant, held.Token.ExpiresAt - _time.GetUtcNow());
            _inflight = StartFetch();
        }
    }

    // Called under _gate. Every waiter may cancel, and nobody awaits a background refresh: the fetch observes its own
    // failure (already logged, and handed to whoever still waits) so it never reaches UnobservedTaskException.
    private Task<AccessToken> StartFetch()
    {
        var fetch = FetchAsync();
        fetch.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return fetch;
    }

    // Called under _gate; the Task.Yield moves the fetch itself off the lock.
    private async Task<AccessToken> FetchAsync()
    {
        await Task.Yield();
        using var timeout = new CancellationTokenSource(_options.FetchTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _disposed.Token);
        try
        {
            var token = await FetchThroughCacheAsync(linked.Token).ConfigureAwait(false);
            _redactor.Add(token.Value);
            // Every credential's token, the login host's included: one that cannot be written into a header would fail
            // only while a request is sent, looking as if it might have been processed.
            if (BearerToken.Problem(token.Value) is { } problem)
                throw new GenesysAuthenticationException($"The {_fetcher.Grant} credential gave an access token that cannot be sent ({problem}).");
            var held = Held.From(token, _time.GetUtcNow(), _options);
            lock (_gate)
            {
                _current = held;
                _last = token;
                _lastRejected = false;
                _inflight = null;
                _failures = 0;
                _notBefore = DateTimeOffset.MinValue;
            }
            _telemetry.TokenRefreshed(_fetcher.Grant);
            return token;
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _inflight = null;
                _failures++;
                var coolDown = TimeSpan.FromTicks(Math.Min(_options.MaxFailureCooldown.Ticks,
                    _options.FailureCooldown.Ticks * (1L << Math.Min(_failures - 1, 20))));
                _notBefore = _time.GetUtcNow() + coolDown;
            }
            Log.TokenFetchFailed(_logger, _fetcher.Grant, _failures, ex.GetType().Name);
            if (ex is OperationCanceledException && timeout.IsCancellationRequested && !_disposed.IsCancellationRequested)
                throw new GenesysAuthenticationException(
                    $"Fetching a {_fetcher.Grant} token took longer than Tokens.FetchTimeout ({_options.FetchTimeout}): the login host is slow or unreachable.",
                    inner: ex);
            throw;
        }
    }

    public void Dispose()
    {
        // Cancelled, not disposed: a fetch starting concurrently may still link to it, and it owns no timer.
        _disposed.Cancel();
    }

    /// <summary>A token with the moments it should be renewed (soft) and no longer used (hard).</summary>
    private sealed class Held
    {
        public required AccessToken Token { get; init; }
        public required DateTimeOffset SoftExpiry { get; init; }
        public required DateTimeOffset HardExpiry { get; init; }

        public static Held From(AccessToken token, DateTimeOffset now, GenesysTokenOptions options)
        {
            if (token.ExpiresAt == DateTimeOffset.MaxValue)
                return new Held { Token = token, SoftExpiry = DateTimeOffset.MaxValue, HardExpiry = DateTimeOffset.MaxValue };
            var lifetime = token.ExpiresAt - now;
            if (lifetime <= TimeSpan.Zero) lifetime = TimeSpan.Zero;
            var margin = Min(options.ExpiryMargin, lifetime / 10);
            var lead = Min(options.RefreshBeforeExpiry, lifetime / 2);
            // Jitter spreads the refreshes of many processes sharing one client over the last 10% of the lead.
            var jitter = TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * (lead.Ticks / 10)));
            return new Held { Token = token, SoftExpiry = token.ExpiresAt - lead - jitter, HardExpiry = token.ExpiresAt - margin };
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }
}
