using System.Collections.Concurrent;

namespace GenesysCloud.Typed;

/// <summary>Makes each call's <see cref="CallScope"/>. With the system clock the scopes' cancellation sources are linked to
/// the connection's stopping token once and reused (CancelAfter and TryReset reuse their timer); with another clock
/// (tests) each call gets a fresh one, since only the system timer can be reset.</summary>
internal sealed class CallScopes(GenesysCloudOptions options, CancellationToken stopping)
{
    private const int MaxPooled = 64;
    private readonly ConcurrentQueue<CancellationTokenSource> _pool = new();
    private readonly TimeProvider _time = options.TimeProvider;
    private readonly bool _reusable = options.TimeProvider == TimeProvider.System;
    private int _pooled;

    public TimeProvider Time => _time;

    public TimeSpan Budget => options.Timeout;

    public TimeSpan AttemptTimeout => options.AttemptTimeout;

    public bool IsStopping => stopping.IsCancellationRequested;

    public CallScope Start(GenesysRequest request, CancellationToken cancellationToken) =>
        new(this, request, _time.GetUtcNow(), cancellationToken);

    /// <summary>A source that ends with the connection; its timer is set by the scope.</summary>
    internal CancellationTokenSource Rent(out CancellationTokenRegistration onStopping)
    {
        onStopping = default;
        if (_reusable)
        {
            if (_pool.TryDequeue(out var pooled)) Interlocked.Decrement(ref _pooled);
            return pooled ?? CancellationTokenSource.CreateLinkedTokenSource(stopping);
        }
        var source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        onStopping = stopping.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source);
        return source;
    }

    internal void Return(CancellationTokenSource source)
    {
        if (_reusable && source.TryReset())
        {
            if (Interlocked.Increment(ref _pooled) <= MaxPooled)
            {
                _pool.Enqueue(source);
                return;
            }
            Interlocked.Decrement(ref _pooled);
        }
        source.Dispose();
    }
}
