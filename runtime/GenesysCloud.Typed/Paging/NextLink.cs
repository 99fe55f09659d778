namespace GenesysCloud.Typed;

/// <summary>Turns a server's next link (or a saved continuation token) into a path relative to the API base, refusing
/// anything that would send the token elsewhere: another host, port or scheme, something that is not a URI, a path
/// that leaves the listing's API (dot segments, "//", another first segment such as /oauth). Messages quote the link
/// through the connection's redactor: a hostile server may have put our token in it.</summary>
internal static class NextLink
{
    public static string Resolve(string link, Uri apiBase, string currentPathAndQuery, SecretRedactor redactor)
    {
        string Shorten(string text) => redactor.Redact(text.Length <= 120 ? text : text[..120] + "…");
        if (string.IsNullOrWhiteSpace(link) || link.Any(char.IsControl) || link.Contains(' ') || link.Contains('#') || Utf16.IndexOfUnpairedSurrogate(link) >= 0)
            throw new GenesysPagingException($"The next-page link is not a URI this client can follow (whitespace, control characters, a fragment or text with no UTF-8 form): '{Shorten(link)}'.");
        var basePath = apiBase.AbsolutePath.TrimEnd('/');
        Uri absolute;
        if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal))
        {
            // Genesys answers paths relative to the API root ("/api/v2/users?pageNumber=2").
            if (!Uri.TryCreate(apiBase.GetLeftPart(UriPartial.Authority) + basePath + link, UriKind.Absolute, out absolute!))
                throw new GenesysPagingException($"The next-page link is not a URI: '{Shorten(link)}'.");
        }
        else if (Uri.TryCreate(link, UriKind.Absolute, out var parsed))
        {
            absolute = parsed.Scheme is "http" or "https"
                ? parsed
                : throw new GenesysPagingException($"The next-page link is not a URI this client can follow ({parsed.Scheme}): '{Shorten(link)}'.");
        }
        else if (link.StartsWith("//", StringComparison.Ordinal) ||
                 !Uri.TryCreate(new Uri(apiBase.GetLeftPart(UriPartial.Authority) + basePath + currentPathAndQuery), link, out absolute!))
        {
            throw new GenesysPagingException($"The next-page link is not a URI this client can follow: '{Shorten(link)}'.");
        }

        if (!string.Equals(absolute.Scheme, apiBase.Scheme, StringComparison.OrdinalIgnoreCase) ||
            !string.Equals(absolute.Host, apiBase.Host, StringComparison.OrdinalIgnoreCase) || absolute.Port != apiBase.Port)
        {
            throw new GenesysPagingException(
                $"The next-page link points at {absolute.Scheme}://{absolute.Authority}, not the configured API host " +
                $"{apiBase.Scheme}://{apiBase.Authority}; paging stopped and no token was sent there.");
        }
        var path = absolute.PathAndQuery;
        if (basePath.Length > 0)
        {
            if (!path.StartsWith(basePath + "/", StringComparison.Ordinal))
                throw new GenesysPagingException($"The next-page link leaves the API base path {basePath}: '{Shorten(link)}'.");
            path = path[basePath.Length..];
        }
        var api = ApiPrefix(currentPathAndQuery);
        if (HasDotSegment(link) || path.StartsWith("//", StringComparison.Ordinal) || !(path + "/").StartsWith(api, StringComparison.Ordinal))
            throw new GenesysPagingException($"The next-page link leaves the listing's API ({api}): '{Shorten(link)}'.");
        return path;
    }

    // "/api/v2/users?x" → "/api/v2/". A next page stays under the listing's API and version.
    private static string ApiPrefix(string pathAndQuery)
    {
        var segments = pathAndQuery.Split('?', '#')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return "/" + string.Concat(segments.Take(2).Select(s => s + "/"));
    }

    // The server never needs "." or ".." (also percent-encoded, or between backslashes) to name its next page.
    private static bool HasDotSegment(string link)
    {
        var end = link.IndexOfAny(['?', '#']);
        if (end < 0) end = link.Length;
        for (var start = 0; start <= end; )
        {
            var next = link.IndexOfAny(['/', '\\'], start, end - start);
            if (next < 0) next = end;
            if (DotSegments.Is(link, start, next)) return true;
            start = next + 1;
        }
        return false;
    }

    /// <summary>The path with one query parameter set (replaced, or appended).</summary>
    public static string WithQueryParameter(string pathAndQuery, string key, string value)
    {
        var q = pathAndQuery.IndexOf('?');
        var path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        var parts = q < 0 ? [] : pathAndQuery[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries).ToList();
        var encoded = Uri.EscapeDataString(key) + "=" + Uri.EscapeDataString(value);
        var index = parts.FindIndex(p => p == key || p.StartsWith(key + "=", StringComparison.Ordinal));
        if (index >= 0) parts[index] = encoded;
        else parts.Add(encoded);
        return path + "?" + string.Join('&', parts);
    }
}
