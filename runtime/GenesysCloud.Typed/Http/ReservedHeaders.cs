// Request headers the client sets itself, compiled into the runtime and the generator's analyzers (linked), so a [Header]
// parameter is refused at build time for the same names a GenesysRequest refuses at run time.
#if GENESYS_GENERATOR
namespace GenesysCloud.Typed.Generator;
#else
namespace GenesysCloud.Typed;
#endif

internal static class ReservedHeaders
{
    // Authorization and Proxy-Authorization carry the token (never a caller's); Host, Content-Type and Content-Length
    // come from the configured host and the body; the rest frame the connection, which HTTP/2 forbids callers to set.
    private static readonly string[] Names =
    [
        "Authorization", "Proxy-Authorization", "Host", "Content-Type", "Content-Length", "Transfer-Encoding", "Connection",
        "Keep-Alive", "Upgrade", "TE", "Trailer", "Expect", "Proxy-Connection",
        // Content headers: they belong to the body, and a request's header collection silently drops them.
        "Allow", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Location", "Content-MD5", "Content-Range",
        "Expires", "Last-Modified",
    ];

    /// <summary>Why a caller may not set <paramref name="name"/>, or null when it may.</summary>
    public static string? Why(string name)
    {
        foreach (var reserved in Names)
        {
            if (!string.Equals(reserved, name, System.StringComparison.OrdinalIgnoreCase)) continue;
            return reserved switch
            {
                "Authorization" or "Proxy-Authorization" => "is the client's own: it carries the access token",
                "Content-Type" => "is the body's: set GenesysRequest.BodyContentType",
                "Host" or "Content-Length" => "is set from the configured host and the body",
                "Allow" or "Content-Disposition" or "Content-Encoding" or "Content-Language" or "Content-Location" or "Content-MD5"
                    or "Content-Range" or "Expires" or "Last-Modified" => "describes the body, which the client writes as JSON",
                _ => "frames the connection, which the transport manages",
            };
        }
        return null;
    }
}
