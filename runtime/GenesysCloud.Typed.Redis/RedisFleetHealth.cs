using StackExchange.Redis;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Typed.Redis;

/// <summary>Whether this process can use Redis right now. On a failure it works alone (says so once, in a warning and a
/// metric) and tries Redis again every <see cref="GenesysRedisOptions.RetryInterval"/>; the first success rejoins.</summary>
internal sealed class RedisFleetHealth
{
    private readonly GenesysRedisOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<ILogger> _logger;
    private readonly object _gate = new();
    private bool _degraded;
    private DateTimeOffset _since, _retryAt;
    private long _outages, _fallbacks;
    private readonly HashSet<GenesysRedisRefusal> _refusalsLogged = [];
    private readonly HashSet<IConnectionMultiplexer> _watched = [];
    private bool _authenticationRefused;
    private GenesysRedisConfigurationException? _refusal;
    private IConnectionMultiplexer? _redis;
    private int _probing;
    private DateTimeOffset _probedAt = DateTimeOffset.MinValue;

    private readonly RedisTelemetry _telemetry;

    public RedisFleetHealth(GenesysRedisOptions options, TimeProvider time, Func<ILogger> logger, RedisTelemetry? telemetry = null)
    {
        _telemetry = telemetry ?? RedisTelemetry.Shared;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>What share of the budget a lone process takes, for the warning.</summary>
    public Func<string> ShareDescription { get; set; } = () => "its fair share";

    public bool IsDegraded
    {
        get { lock (_gate) return _degraded; }
    }

    public long Outages => Interlocked.Read(ref _outages);

    public long Fallbacks => Interlocked.Read(ref _fallbacks);

    /// <summary>True unless Redis failed recently: while degraded, one try per retry interval.</summary>
    public bool ShouldTry
    {
        get
        {
            lock (_gate) return !_degraded || _time.GetUtcNow() >= _retryAt;
        }
    }

    /// <summary>Only an unreachable Redis is an outage; one that answers but refuses is a configuration error. A connection
    /// failure while the multiplexer's last word was a refused authentication is that refusal, whatever shape it takes.</summary>
    /// <summary>The first refusal any of the fleet's parts met (a configuration error), or null.</summary>
    public GenesysRedisConfigurationException? Refusal => Volatile.Read(ref _refusal);

    public bool IsOutage(Exception ex) => GenesysRedisErrors.IsUnreachable(ex) && !Volatile.Read(ref _authenticationRefused);

    /// <summary>Follows the multiplexer's connection events (once per multiplexer).</summary>
    public void Watch(IConnectionMultiplexer redis)
    {
        lock (_gate)
        {
            if (!_watched.Add(redis)) return;
            _redis = redis;
        }
        redis.ConnectionFailed += (_, e) =>
        {
            if (e.FailureType == ConnectionFailureType.AuthenticationFailure) Volatile.Write(ref _authenticationRefused, true);
        };
        redis.ConnectionRestored += (_, _) => Volatile.Write(ref _authenticationRefused, false);
        // Not connected when first watched (abortConnect=false with a wrong password, say): the refusal may already have been
        // reported before anyone listened, so ask at once; the answer is in before the first command times out.
        if (!redis.IsConnected) ProbeAuthentication();
    }

    /// <summary>A Redis error that is not an outage: the configuration error to throw (logged once per cause), or null when
    /// <paramref name="ex"/> is no Redis error.</summary>
    public GenesysRedisConfigurationException? Refused(string operation, Exception ex)
    {
        var error = GenesysRedisErrors.AsConfigurationError(ex, operation, Volatile.Read(ref _authenticationRefused));
        if (error is null) return null;
        Interlocked.CompareExchange(ref _refusal, error, null);
        bool wasDegraded;
        lock (_gate)
        {
            // A refusal found after the failures looked like an outage: no longer working alone, but failing.
            wasDegraded = _degraded;
            _degraded = false;
        }
        if (wasDegraded) _telemetry.Degraded.Add(-1);
        lock (_gate)
        {
            if (!_refusalsLogged.Add(error.Cause)) return error;
        }
        Log.Refused(_logger(), error.Message);
        return error;
    }

    public void Failed(string operation, Exception ex)
    {
        ProbeAuthentication();
        bool first;
        lock (_gate)
        {
            first = !_degraded;
            _degraded = true;
            var now = _time.GetUtcNow();
            if (first) _since = now;
            _retryAt = now + _options.RetryInterval;
        }
        if (!first) return;
        Interlocked.Increment(ref _outages);
        _telemetry.Outages.Add(1);
        _telemetry.Degraded.Add(1);
        Log.Degraded(_logger(), operation, ex.GetType().Name, ShareDescription());
    }

    // A multiplexer refused on reconnect (password changed, ACL user deleted) only ever reports the socket it lost: while
    // Redis seems away, a fresh connection with the same configuration asks whether it answers but refuses the credentials
    // (at most one probe at a time, one per retry interval and at least a second apart). A refusal found is kept until the
    // multiplexer is restored: from then on the failures are that refusal (a configuration error), not an outage.
    private void ProbeAuthentication()
    {
        IConnectionMultiplexer? redis;
        lock (_gate)
        {
            redis = _redis;
            var now = _time.GetUtcNow();
            var every = _options.RetryInterval > TimeSpan.FromSeconds(1) ? _options.RetryInterval : TimeSpan.FromSeconds(1);
            if (redis is null || now - _probedAt < every) return;
            _probedAt = now;
        }
        if (Interlocked.Exchange(ref _probing, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            try
            {
                if (await GenesysRedisErrors.IsAuthenticationRefusedAsync(redis, TimeSpan.FromSeconds(2)).ConfigureAwait(false))
                    Volatile.Write(ref _authenticationRefused, true);
            }
            catch (Exception)
            {
                // A probe that cannot even be made says nothing: the outage stands.
            }
            finally
            {
                Volatile.Write(ref _probing, 0);
            }
        });
    }

    public void Succeeded()
    {
        TimeSpan outage;
        lock (_gate)
        {
            if (!_degraded) return;
            _degraded = false;
            outage = _time.GetUtcNow() - _since;
        }
        _telemetry.Degraded.Add(-1);
        Log.Rejoined(_logger(), outage);
    }

    public void FellBack()
    {
        Interlocked.Increment(ref _fallbacks);
        _telemetry.Fallbacks.Add(1);
    }
}
