namespace GenesysCloud.Typed.Testing.RateLimiting;

/// <summary>A per-client request quota per UTC day; its 429 tells the client to come back in hours.</summary>
internal sealed class DailyQuota
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (DateOnly Day, int Count)> _counts = new(StringComparer.Ordinal);
    private readonly int _quota;
    private readonly TimeProvider _time;

    public DailyQuota(int quota, TimeProvider time)
    {
        _quota = quota;
        _time = time;
    }

    /// <summary>Null when allowed, else the time until the quota resets at midnight UTC.</summary>
    public TimeSpan? Acquire(string clientId)
    {
        var now = _time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        lock (_gate)
        {
            var entry = _counts.TryGetValue(clientId, out var found) && found.Day == today ? found : (Day: today, Count: 0);
            entry.Count++;
            _counts[clientId] = entry;
            if (entry.Count <= _quota) return null;
        }
        var midnight = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return midnight - now;
    }
}
