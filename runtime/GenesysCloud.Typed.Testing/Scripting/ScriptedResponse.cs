namespace GenesysCloud.Typed.Testing;

/// <summary>A response the emulator serves instead of its own, once per <see cref="Times"/>, for the next requests that
/// match: how tests play hostile servers (an HTML token response, a looping nextUri, a garbage Retry-After).</summary>
public sealed class ScriptedResponse
{
    /// <summary>HTTP method to match; null matches any.</summary>
    public string? Method { get; init; }

    /// <summary>Path to match exactly (query ignored), or a prefix when it ends with <c>*</c>.</summary>
    public required string Path { get; init; }

    public int Status { get; init; } = 200;
    public string ContentType { get; init; } = "application/json";
    public string Body { get; init; } = "";
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Drop the connection instead of answering.</summary>
    public bool DropConnection { get; init; }

    /// <summary>How many requests this answers.</summary>
    public int Times { get; init; } = 1;

    internal bool Matches(string method, string path)
    {
        if (Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) return false;
        return Path.EndsWith('*')
            ? path.StartsWith(Path[..^1], StringComparison.Ordinal)
            : string.Equals(Path, path, StringComparison.Ordinal);
    }
}
