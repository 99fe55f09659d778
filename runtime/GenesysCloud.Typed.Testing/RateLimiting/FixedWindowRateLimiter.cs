namespace GenesysCloud.Typed.Testing.RateLimiting;

/// <summary>Genesys-style "N requests within W seconds" per key: a window opens at a key's first request.
/// Written by hand (not System.Threading.RateLimiting) because the emulator must answer exactly how a server
/// counts, including the count and reset it reports, on an injectable clock.</summary>
internal sealed class FixedWindowRateLimiter
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly int _limit;
    private readonly TimeSpan _length;
    private readonly TimeProvider _time;

    public FixedWindowRateLimiter(int limit, TimeSpan length, TimeProvider time)
    {
        _limit = limit;
        _length = length;
        _time = time;
    }

    public RateDecision Acquire(string key)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_windows.TryGetValue(key, out var window) || now >= window.Start + _length)
            {
                window = new Window { Start = now };
                _windows[key] = window;
            }
            window.Count++;
            var reset = window.Start + _length - now;
            return new RateDecision(window.Count <= _limit, _limit, Math.Min(window.Count, _limit), reset);
        }
    }

    private sealed class Window
    {
        public DateTimeOffset Start;
        public int Count;
    }
}

internal readonly record struct RateDecision(bool Allowed, int Limit, int Count, TimeSpan ResetIn)
{
    /// <summary>Whole seconds, at least 1: what goes into Retry-After.</summary>
    public long RetryAfterSeconds => Math.Max(1, (long)Math.Ceiling(ResetIn.TotalSeconds));
}
