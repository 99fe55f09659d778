using System.IO.Compression;

namespace GenesysCloud.Typed;

internal static class Transport
{
    /// <summary>True when the failure happened before the request left this machine (connect, DNS, TLS): repeating it
    /// cannot apply anything twice.</summary>
    public static bool WasNotSent(HttpRequestException exception) => exception.HttpRequestError is
        HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;

    /// <summary>Sends and buffers the answer, so that every way an answer can be unusable is an
    /// <see cref="HttpRequestException"/> the classifier knows: a body that does not decode as its Content-Encoding says
    /// (a broken proxy), and a body over <paramref name="maxBytes"/> even from an HttpClient whose own buffer limit is
    /// larger (a client the caller supplied).</summary>
    public static async ValueTask<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage message, long maxBytes, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // A supplied HttpClient's own Timeout: for us, an attempt that got no answer in time (it may have been processed).
            throw new HttpRequestException(HttpRequestError.Unknown,
                $"No answer within the HttpClient's own Timeout ({http.Timeout}); the request may have been processed.", ex);
        }
        catch (Exception ex) when (IsDecodingFailure(ex))
        {
            throw new HttpRequestException(HttpRequestError.InvalidResponse,
                $"The answer's body does not decode as its Content-Encoding says: {ex.Message}", ex);
        }
        // A client whose own buffer limit is this one's has refused a larger body already; reading the header costs.
        if (http.MaxResponseContentBufferSize > maxBytes && response.Content.Headers.ContentLength > maxBytes)
        {
            var length = response.Content.Headers.ContentLength;
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded,
                $"The answer's body ({length} bytes) is larger than MaxResponseBytes ({maxBytes} bytes).");
        }
        return response;
    }

    // gzip/deflate throw InvalidDataException; brotli throws InvalidOperationException from System.IO.Compression.
    private static bool IsDecodingFailure(Exception ex) =>
        ex is InvalidDataException ||
        (ex is InvalidOperationException && ex.Source == typeof(BrotliStream).Assembly.GetName().Name);
}
