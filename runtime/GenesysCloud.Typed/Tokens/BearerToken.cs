namespace GenesysCloud.Typed;

/// <summary>What an Authorization header can carry (RFC 6750 b64token, leniently: any visible ASCII). A token with a
/// line break, NUL or non-ASCII character would fail only while the request is written, after it looked sent.</summary>
internal static class BearerToken
{
    public static string? Problem(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is <= ' ' or >= '\u007f') return $"character U+{(int)c:X4} at index {i}; a bearer token is visible ASCII";
        }
        return null;
    }
}
