namespace GenesysCloud.Typed;

internal static class Transport
{
    /// <summary>True when the failure happened before the request left this machine (connect, DNS, TLS): repeating it
    /// cannot apply anything twice.</summary>
    public static bool WasNotSent(HttpRequestException exception) => exception.HttpRequestError is
        HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
}
