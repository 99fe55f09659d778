using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GenesysCloud.Typed;

/// <summary>Stage 8: the answer, read once — the one reader for calls, paging and jobs. An error answer becomes the
/// typed exception (<see cref="GenesysApiException"/>, <see cref="GenesysRateLimitException"/>); a success is parsed
/// from the buffer the transport filled; a body that does not parse is one <see cref="GenesysInvalidResponseException"/>
/// wherever it happens. Every text taken from an answer passes the redactor.</summary>
internal sealed class ResponseReader(SecretRedactor redactor, TimeProvider time)
{
    /// <summary>Blanks every secret the connection knows from text a server sent back.</summary>
    public string Redact(string text) => redactor.Redact(text);

    /// <summary>The redactor itself, for checks that quote what a server sent (a next link).</summary>
    public SecretRedactor Redactor => redactor;

    public string? CorrelationIdOf(HttpResponseMessage response) => GenesysHeaders.CorrelationIdOf(response.Headers, redactor);

    /// <summary>The success body's bytes; an error answer throws.</summary>
    public async Task<byte[]> ReadBytesAsync(HttpResponseMessage response, GenesysRequest request, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return body;
        throw ErrorReader.ToException(ErrorReader.Read(response, body, time.GetUtcNow(), redactor), request);
    }

    /// <summary>Parses a success answer with <paramref name="parse"/> (null for 204 or an empty body); an error answer
    /// throws, and so does a body <paramref name="parse"/> cannot read as a <paramref name="model"/> (or, for a
    /// <paramref name="page"/>, a listing of them). A success completes at once: its body is in memory already.</summary>
    public ValueTask<T?> ReadAsync<T, TState>(HttpResponseMessage response, GenesysRequest request, TState state,
        Func<Stream, TState, T> parse, Type model, bool page, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode) return ThrowErrorAsync<T>(response, request, cancellationToken);
        // The transport buffered the body (ResponseContentRead): parse from that buffer, synchronously. A listing keeps the
        // stream: on a 13 KB page a span measured no faster (2-5% slower, within the noise), unlike a small body.
        var stream = response.Content.ReadAsStream(cancellationToken);
        // A page always has a body: an empty one is not a listing.
        if (!page && (response.StatusCode == HttpStatusCode.NoContent || stream.Length == 0)) return default;
        try
        {
            return new ValueTask<T?>(parse(stream, state));
        }
        catch (JsonException ex)
        {
            throw Invalid(request, response, page ? $"cannot be read as a listing of {model.Name}" : $"is not a {model.Name}", Start(stream), ex);
        }
    }

    /// <summary>The JSON value of a success answer (null for 204 or an empty body); as <see cref="ReadAsync{T, TState}"/>
    /// without a parser to call: what every typed call reads.</summary>
    public ValueTask<T?> ReadJsonAsync<T>(HttpResponseMessage response, GenesysRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode) return ThrowErrorAsync<T>(response, request, cancellationToken);
        using var body = BufferedBody.Of(response.Content.ReadAsStream(cancellationToken));
        if (response.StatusCode == HttpStatusCode.NoContent || body.Json.IsEmpty) return default;
        try
        {
            return new ValueTask<T?>(JsonSerializer.Deserialize(body.Json, typeInfo));
        }
        catch (JsonException ex)
        {
            throw Invalid(request, response, $"is not a {typeof(T).Name}", Start(body.Bytes), ex);
        }
    }

    // What an error quotes of a body: its start, as sent.
    private static ReadOnlySpan<byte> Start(ReadOnlySpan<byte> body) => body[..Math.Min(body.Length, Excerpt.MaxLength * 4)];

    private static byte[] Start(Stream stream)
    {
        stream.Position = 0;
        var start = new byte[Math.Min(stream.Length, Excerpt.MaxLength * 4)];
        stream.ReadExactly(start);
        return start;
    }

    private async ValueTask<T?> ThrowErrorAsync<T>(HttpResponseMessage response, GenesysRequest request, CancellationToken cancellationToken)
    {
        await ReadBytesAsync(response, request, cancellationToken).ConfigureAwait(false);
        throw new InvalidOperationException($"{request.Sent} answered {(int)response.StatusCode}, which is not a success, yet was read as one.");
    }

    /// <summary>A success body that does not say what it should: the one shape of that error.</summary>
    public GenesysInvalidResponseException Invalid(GenesysRequest request, HttpResponseMessage response, string expected, ReadOnlySpan<byte> body, JsonException ex) =>
        new($"{request.Sent} answered {(int)response.StatusCode} with a body that {expected} " +
            $"({response.Content.Headers.ContentType?.MediaType ?? "no content type"}): {ex.Message} Body starts: {Excerpt.Of(body, redactor)}",
            response.StatusCode, CorrelationIdOf(response), ex);

    /// <summary>An answer that should have carried a value and carried none.</summary>
    public GenesysInvalidResponseException Empty(GenesysRequest request, HttpResponseMessage response, Type model) =>
        new($"{request.Sent} answered {(int)response.StatusCode} with no body where a {model.Name} was expected.", response.StatusCode, CorrelationIdOf(response));
}
