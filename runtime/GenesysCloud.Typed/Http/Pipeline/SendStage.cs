using System.Net.Http.Headers;

namespace GenesysCloud.Typed;

/// <summary>Stage 6: one send. Builds the message — always for the configured API host (the path is relative to it,
/// so the token can go nowhere else), the token's Authorization, the caller's headers, the byte-identical body — and
/// sends it under the attempt's deadline, through the user's stages when there are any.</summary>
internal sealed class SendStage(Func<HttpClient> http, Uri apiBase, long maxBytes, bool acceptIsDefault, UserStages? userStages)
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly string _apiBase = apiBase.AbsoluteUri.TrimEnd('/');

    public HttpRequestMessage Build(GenesysRequest request, AccessToken token)
    {
        var message = new HttpRequestMessage(request.Method, _apiBase + request.PathAndQuery);
        message.Headers.Authorization = token.Header;
        if (!acceptIsDefault) message.Headers.Accept.Add(Json);
        if (request.Headers is { } headers)
            foreach (var (name, value) in headers) message.Headers.TryAddWithoutValidation(name, value);
        if (request.Body is { } body)
        {
            message.Content = new ReadOnlyMemoryContent(body);
            // Unparsed: the handler writes it as given, and GenesysRequest's content type is ours, not a server's.
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.BodyContentType);
        }
        return message;
    }

    public ValueTask<HttpResponseMessage> SendAsync(CallScope call, HttpRequestMessage message, bool replay)
    {
        var attempt = call.Sends++;
        var deadline = call.Sending();
        return userStages is null
            ? Transport.SendAsync(http(), message, maxBytes, deadline)
            : userStages.SendAsync(call, message, attempt, replay, deadline);
    }
}
