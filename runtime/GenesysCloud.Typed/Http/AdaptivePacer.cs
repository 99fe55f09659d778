namespace GenesysCloud.Typed;

/// <summary>A token bucket refilled by a <see cref="TimeProvider"/> timer whose period adapts: halve the rate on 429 (and
/// hold off for its Retry-After), grow it back by 10% per quiet window, and aim for what the <c>inin-ratelimit-*</c>
/// headers say is left. Not System.Threading.RateLimiting: its TokenBucketRateLimiter scales even manual refills by the
/// real Stopwatch, so it cannot run on an injected clock, and it cannot change its rate. The bucket here is a SemaphoreSlim
/// whose permits are the tokens.</summary>
internal sealed class AdaptivePacer : IGenesysRequestBudget
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    // Timers cannot tick much faster than this (and a period that rounds to zero ticks once, then never again): above
    // 6,000/min each tick adds what the time since the last one earned, instead of one token.
    private static readonly TimeSpan MinimumPeriod = TimeSpan.FromMilliseconds(10);
    private readonly SemaphoreSlim _bucket;
    private readonly int _burst;
    private readonly ITimer _timer;
    private readonly TimeProvider _time;
    private readonly double _maxRate;
    private readonly double _minRate;
    private readonly object _gate = new();
    private double _rate;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _lastThrottle = DateTimeOffset.MinValue;
    private DateTimeOffset _lastIncrease;
    private DateTimeOffset _lastTick;
    private double _credit;   // tokens earned but not yet whole

    public AdaptivePacer(GenesysPacingOptions options, TimeProvider time)
    {
        _time = time;
        _maxRate = options.RequestsPerMinute!.Value;
        _minRate = Math.Max(1, _maxRate * options.MinimumShare);
        _rate = _maxRate;
        _lastIncrease = _lastTick = time.GetUtcNow();
        // A tenth of a second's worth by default: a larger burst on top of a full window's pace overruns a fixed window.
        _burst = options.Burst ?? Math.Max(1, (int)(_maxRate / 600));
        _bucket = new SemaphoreSlim(_burst, _burst);
        _timer = time.CreateTimer(_ => Tick(), null, Period, Period);
    }

    /// <summary>Requests per minute right now.</summary>
    public double CurrentRate
    {
        get { lock (_gate) return _rate; }
    }

    private TimeSpan Period => TimeSpan.FromTicks(Math.Max(MinimumPeriod.Ticks, (long)(Window.Ticks / _rate)));

    /// <summary>Takes one token, waiting for the next refill when the bucket is empty.</summary>
    public Task WaitTurnAsync(CancellationToken cancellationToken) => _bucket.WaitAsync(cancellationToken);

    ValueTask IGenesysRequestBudget.WaitTurnAsync(CancellationToken cancellationToken) => new(WaitTurnAsync(cancellationToken));

    /// <summary>Takes one token if the bucket has one, without waiting.</summary>
    public bool TryTakeTurn() => _bucket.Wait(0);

    /// <summary>A 429: slow down, and send nothing until its Retry-After has passed.</summary>
    public void Throttled(TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (retryAfter is { } wait) PauseUntil(now + wait);
            // Several 429s from one burst count once.
            if (now - _lastThrottle > TimeSpan.FromSeconds(1)) SetRate(_rate / 2);
            _lastThrottle = now;
            _lastIncrease = now;
        }
    }

    /// <summary>What the server says is left of its window: aim to spread the remainder over the time left.</summary>
    public void RateLimitHeaders(int allowed, int count, TimeSpan resetIn)
    {
        if (allowed <= 0 || resetIn <= TimeSpan.Zero) return;
        var remaining = Math.Max(0, allowed - count);
        var sustainable = remaining / resetIn.TotalMinutes;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            // Nothing left in this window: send nothing until it resets, rather than earn a 429.
            if (remaining == 0) PauseUntil(now + resetIn);
            if (sustainable < _rate) SetRate(sustainable);
        }
    }

    private void Tick()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var elapsed = now - _lastTick;
            _lastTick = now;
            if (now < _pausedUntil)
            {
                _credit = 0;   // nothing is earned while paused
                return;
            }
            if (_rate < _maxRate && now - _lastIncrease >= Window)
            {
                _lastIncrease = now;
                SetRate(_rate * 1.1);
            }
            // What the time since the last tick earned at the current rate (a late or batched tick earns its whole time);
            // whatever the full bucket cannot hold is dropped (a bucket never holds more than its burst). The epsilon keeps
            // 0.1 min × 10/min from rounding down to 0.99999.
            _credit += elapsed / Window * _rate;
            var whole = (int)Math.Min(Math.Floor(_credit + 1e-9), int.MaxValue);
            _credit -= whole;
            var room = _burst - _bucket.CurrentCount;
            if (room > 0 && whole > 0) _bucket.Release(Math.Min(room, whole));
            if (room <= whole) _credit = 0;
        }
    }

    // Called under _gate. Refills stop until then, and the tokens already in the bucket are taken back: a pause that
    // left them would let a burst through straight into the next 429.
    private void PauseUntil(DateTimeOffset until)
    {
        if (until > _pausedUntil) _pausedUntil = until;
        while (_bucket.CurrentCount > 0 && _bucket.Wait(0)) { }
    }

    private void SetRate(double rate)
    {
        var clamped = Math.Clamp(rate, _minRate, _maxRate);
        if (Math.Abs(clamped - _rate) < 0.001) return;
        _rate = clamped;
        _timer.Change(Period, Period);
    }

    // The bucket is not disposed: a SemaphoreSlim disposed under its waiters strands them, deaf even to their own
    // cancellation. The connection cancels every waiter before it disposes the pacer; stopping the timer is enough.
    public void Dispose() => _timer.Dispose();
}
