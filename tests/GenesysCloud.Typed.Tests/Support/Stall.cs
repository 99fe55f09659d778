namespace GenesysCloud.Typed.Tests;

/// <summary>Accepts every request to one path and never answers it (until the attempt is cancelled); counts them.</summary>
internal sealed class Stall : DelegatingHandler
{
    public string? Path;
    public int Seen;

    /// <summary>A harness whose requests to its first user's path stall, with a 10 s attempt timeout, a 5 minute budget
    /// and <paramref name="maxRetries"/> retries.</summary>
    public static async Task<(Harness Harness, Stall Stall, string Path)> StartAsync(int maxRetries)
    {
        var stall = new Stall();
        var h = await Harness.StartAsync(client: o =>
        {
            stall.InnerHandler = o.HttpMessageHandler!;
            o.HttpMessageHandler = stall;
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.Timeout = TimeSpan.FromMinutes(5);
            o.Retry.MaxRetries = maxRetries;
        });
        stall.Path = "/api/v2/users/" + h.Emulator.Users[0].Id;
        return (h, stall, stall.Path);
    }

    /// <summary>Sends <paramref name="method"/> to the stalled path (a body unless GET) and runs the fake clock until the
    /// call ends; returns how it ended.</summary>
    public static Task<Exception?> CallAsync(Harness h, string method, string path) =>
        Outcome.Of(h.AdvanceUntilDoneAsync(h.Connection.SendAsync(new GenesysRequest(new HttpMethod(method), path, "/api/v2/users/{userId}")
        {
            Body = method == "GET" ? null : h.Connection.SerializeBody(new UpdateUser { Version = 1, Title = "x" }, TestJson.Default.UpdateUser),
        }, TestJson.Default.User), step: TimeSpan.FromMilliseconds(500), limit: TimeSpan.FromMinutes(10)));

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
