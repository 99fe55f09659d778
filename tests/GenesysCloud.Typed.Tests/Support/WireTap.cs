using System.Collections.Concurrent;

namespace GenesysCloud.Typed.Tests;

/// <summary>Sits between the runtime and the socket and records what really went out: method, URI, Authorization,
/// body bytes. The emulator records what arrived.</summary>
public sealed class WireTap() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    public ConcurrentQueue<Sent> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        // As written to the socket: unparsed.
        var contentType = request.Content is not null && request.Content.Headers.NonValidated.TryGetValues("Content-Type", out var type) ? type.ToString() : null;
        Requests.Enqueue(new Sent(request.Method.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body, contentType));
        return await base.SendAsync(request, cancellationToken);
    }

    public IEnumerable<Sent> To(string pathPrefix) => Requests.Where(r => r.Uri.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal));

    public sealed record Sent(string Method, Uri Uri, string? Authorization, byte[]? Body, string? ContentType);
}
