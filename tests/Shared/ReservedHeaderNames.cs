namespace GenesysCloud.Typed.Tests.Shared;

// Linked into the runtime and generator test projects: the names both must refuse, written out here (not read from the
// product's list), so a name dropped from the product fails both.
internal static class ReservedHeaderNames
{
    public static readonly string[] All =
    [
        "Authorization", "Proxy-Authorization", "Host", "Content-Type", "Content-Length", "Transfer-Encoding", "Connection",
        "Keep-Alive", "Upgrade", "TE", "Trailer", "Expect", "Proxy-Connection", "Allow", "Content-Disposition", "Content-Encoding",
        "Content-Language", "Content-Location", "Content-MD5", "Content-Range", "Expires", "Last-Modified",
    ];

    /// <summary>Each name as written, lower-cased and upper-cased, each spelling once ("TE" is its own upper case: xUnit
    /// skips a repeated case).</summary>
    public static IEnumerable<string> InEveryCase() =>
        All.SelectMany(n => new[] { n, n.ToLowerInvariant(), n.ToUpperInvariant() }).Distinct(StringComparer.Ordinal);
}
