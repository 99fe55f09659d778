namespace GenesysCloud.Typed.Tests;

/// <summary>Accepts every request to one path and never answers it (until the attempt is cancelled); counts them.</summary>
internal sealed class Stall : DelegatingHandler
{
    public string? Path;
    public int Seen;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.AbsolutePath == Path)
        {
            Interlocked.Increment(ref Seen);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
