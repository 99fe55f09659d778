using System.Net;
using System.Text;

namespace GenesysCloud.Typed.Benchmarks;

/// <summary>An in-memory transport answering canned JSON, so the benchmarks measure client overhead, not the network.</summary>
public sealed class CannedHandler : HttpMessageHandler
{
    public static readonly byte[] User = Encoding.UTF8.GetBytes(
        """{"id":"3f1c6c1e-0d2a-4b8e-9a53-8b1f1f3c2a10","name":"Ada Lovelace","department":"Support","email":"ada@example.com","state":"active","version":7,"selfUri":"/api/v2/users/3f1c6c1e-0d2a-4b8e-9a53-8b1f1f3c2a10"}""");

    public static readonly byte[] Page = Encoding.UTF8.GetBytes("{\"entities\":[" +
        string.Join(",", Enumerable.Range(0, 100).Select(i =>
            $$"""{"id":"user-{{i:D4}}","name":"User {{i}}","department":"Support","email":"u{{i}}@example.com","state":"active","version":{{i}}}""")) +
        "],\"pageSize\":100,\"pageNumber\":1,\"total\":100,\"pageCount\":1}");

    /// <summary>A page of one user: what a page costs beyond its JSON (the walk, the envelope, the call).</summary>
    public static readonly byte[] PageOfOne = Encoding.UTF8.GetBytes(
        """{"entities":[{"id":"user-0000","name":"User 0","department":"Support","email":"u0@example.com","state":"active","version":0}],"pageSize":1,"pageNumber":1,"total":1,"pageCount":1}""");

    private static readonly byte[] Token = Encoding.UTF8.GetBytes("""{"access_token":"bench-token","token_type":"bearer","expires_in":86400}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A real handler writes the body to the socket: without this a lazy JsonContent (the hand-written and Refit calls)
        // is never serialized, and their PATCH would leave out work the generated client does up front.
        if (request.Content is { } content) await content.CopyToAsync(Stream.Null, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        var body = path == "/oauth/token" ? Token : path == "/api/v2/users" ? (request.RequestUri.Query == "?pageSize=1" ? PageOfOne : Page) : User;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body), RequestMessage = request };
        response.Content.Headers.ContentType = new("application/json");
        return response;
    }
}
