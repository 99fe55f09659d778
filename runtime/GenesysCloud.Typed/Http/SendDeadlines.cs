using System.Collections.Concurrent;

namespace GenesysCloud.Typed;

/// <summary>Cancellation for a call's first send: fires on the caller's token, on the connection's disposal, or when its
/// deadline passes — one timer where two nested Polly timeouts (call and attempt) arm two. With the system clock the
/// sources are linked to the connection's stopping token once and reused (CancelAfter and TryReset reuse their timer);
/// with another clock (tests) each send gets a fresh one, since only the system timer can be reset.</summary>
internal sealed class SendDeadlines(TimeProvider time, CancellationToken stopping)
{
    private const int MaxPooled = 64;
    private readonly ConcurrentQueue<CancellationTokenSource> _pool = new();
    private readonly bool _reusable = time == TimeProvider.System;
    private int _pooled;

    public Lease Start(TimeSpan deadline, CancellationToken cancellationToken)
    {
        CancellationTokenSource source;
        CancellationTokenRegistration onStopping = default;
        if (_reusable)
        {
            if (_pool.TryDequeue(out var pooled)) Interlocked.Decrement(ref _pooled);
            source = pooled ?? CancellationTokenSource.CreateLinkedTokenSource(stopping);
        }
        else
        {
            source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
            onStopping = stopping.UnsafeRegister(Cancel, source);
        }
        source.CancelAfter(deadline);
        var onCaller = cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(Cancel, source) : default;
        return new Lease(this, source, onCaller, onStopping);
    }

    private static void Cancel(object? source) => ((CancellationTokenSource)source!).Cancel();

    private void Return(CancellationTokenSource source)
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

    /// <summary>One send's cancellation; <see cref="Fired"/> tells its deadline apart from the caller and disposal.</summary>
    public readonly struct Lease(SendDeadlines owner, CancellationTokenSource source, CancellationTokenRegistration onCaller,
        CancellationTokenRegistration onStopping) : IDisposable
    {
        public CancellationToken Token => source.Token;

        /// <summary>Cancelled, but neither by the caller nor by the connection's disposal: the deadline passed.</summary>
        public bool Fired(CancellationToken cancellationToken) =>
            source.IsCancellationRequested && !cancellationToken.IsCancellationRequested && !owner.IsStopping;

        public void Dispose()
        {
            onCaller.Dispose();
            onStopping.Dispose();
            owner.Return(source);
        }
    }

    private bool IsStopping => stopping.IsCancellationRequested;
}
