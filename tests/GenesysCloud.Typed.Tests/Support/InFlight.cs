namespace GenesysCloud.Typed.Tests;

/// <summary>Counts the requests on the wire: from the moment one reaches the transport until its answer's body has been
/// read, so a test can move a fake clock only between requests.</summary>
internal sealed class InFlight : DelegatingHandler
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Moves the harness's fake clock by <paramref name="step"/> whenever <paramref name="task"/> is still running
    /// and no request is on the wire, until it completes.</summary>
    public async Task AdvanceBetweenRequestsAsync(Harness h, Task task, TimeSpan step)
    {
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(2));
            if (!task.IsCompleted && Count == 0) h.FakeClock.Advance(step);
        }
        await task;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
