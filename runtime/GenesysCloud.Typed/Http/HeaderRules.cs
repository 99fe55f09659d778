namespace GenesysCloud.Typed;

/// <summary>What a request header may hold. HttpClient would only find out while writing the request, as a transport
/// error that looks like the request may have been sent; checking first gives the caller an ArgumentException naming the
/// header, and nothing leaves.</summary>
internal static class HeaderRules
{
    public static void Check(string? name, string? value)
    {
        CheckName(name);
        if (value is null) throw new ArgumentNullException(nameof(value), $"The value of header '{name}' cannot be null.");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c != '\t' && (c < ' ' || c >= '\u007f'))
                throw new ArgumentException(
                    $"The value of header '{name}' holds U+{(int)c:X4} at index {i}; header values are visible ASCII and tabs only.", name);
        }
    }

    /// <summary>A header a caller adds (<see cref="GenesysRequest.Headers"/>): a valid name the client does not set itself.</summary>
    public static void CheckCallerHeader(string? name, string? value)
    {
        Check(name, value);
        if (ReservedHeaders.Why(name!) is { } why)
            throw new ArgumentException($"The header '{name}' cannot be set on a request: it {why}.", nameof(name));
    }

    private static void CheckName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => c <= ' ' || c >= '\u007f' || "()<>@,;:\\\"/[]?={}".Contains(c)))
            throw new ArgumentException($"'{name}' is not a valid HTTP header name.", nameof(name));
    }
}
