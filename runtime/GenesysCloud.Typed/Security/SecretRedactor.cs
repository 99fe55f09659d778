using System.Text.RegularExpressions;

namespace GenesysCloud.Typed;

/// <summary>Every secret one connection knows (client secret, Basic credential, access and refresh tokens, codes), so
/// that text a server sent back — an error page echoing our headers, a body that is not what we asked for — can be
/// shown in a message or log without them. Also blanks any "Bearer …"/"Basic …" credential, known or not.</summary>
internal sealed partial class SecretRedactor
{
    public const string Mask = "[redacted]";
    // The newest tokens matter; older ones are long expired. A bound keeps Redact cheap for a job that runs for weeks.
    private const int Capacity = 64;
    // Shorter values would blank ordinary words; no Genesys secret or token is this short.
    private const int MinimumLength = 6;
    private readonly object _gate = new();
    private readonly List<string[]> _recent = [];   // the forms of each secret, newest first
    private string[] _secrets = [];                  // every form, longest first, so a secret holding another is blanked whole

    /// <summary>The longest secret known: a window of text cut at its end may hold this much of one, less a character.</summary>
    public int LongestSecret { get; private set; }

    public void Add(string? secret)
    {
        if (secret is null || secret.Length < MinimumLength) return;
        lock (_gate)
        {
            if (_recent.Any(forms => forms[0] == secret)) return;
            _recent.Insert(0, Forms(secret));
            if (_recent.Count > Capacity) _recent.RemoveAt(_recent.Count - 1);
            var all = _recent.SelectMany(forms => forms).ToArray();
            Array.Sort(all, static (a, b) => b.Length.CompareTo(a.Length));
            Volatile.Write(ref _secrets, all);
            LongestSecret = all[0].Length;
        }
    }

    /// <summary>The value as a server may echo it: raw; percent-encoded by URI or form rules, with upper- or lower-case
    /// hex; JSON-escaped, with escaped slashes or \\u escapes in either case.</summary>
    private static string[] Forms(string secret)
    {
        var forms = new List<string> { secret, secret.Replace("/", "\\/", StringComparison.Ordinal) };
        foreach (var encoded in new[]
                 {
                     Uri.EscapeDataString(secret), System.Net.WebUtility.UrlEncode(secret),
                     System.Text.Json.JsonEncodedText.Encode(secret).ToString(),
                 })
        {
            forms.Add(encoded);
            forms.Add(EscapeHex().Replace(encoded, m => m.Groups["p"].Value + m.Groups["h"].Value.ToLowerInvariant()));
            forms.Add(EscapeHex().Replace(encoded, m => m.Groups["p"].Value + m.Groups["h"].Value.ToUpperInvariant()));
        }
        return forms.Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
    }

    // %2B / \u002B: the hex digits of an escape, whose case varies between encoders.
    [GeneratedRegex(@"(?<p>%)(?<h>[0-9A-Fa-f]{2})|(?<p>\\u)(?<h>[0-9A-Fa-f]{4})", RegexOptions.CultureInvariant)]
    private static partial Regex EscapeHex();

    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        foreach (var secret in Volatile.Read(ref _secrets))
            // Ignoring case: a server that upper-cases what it echoes still gives the token away.
            if (text.Contains(secret, StringComparison.OrdinalIgnoreCase)) text = text.Replace(secret, Mask, StringComparison.OrdinalIgnoreCase);
        return Credential().Replace(text, "$1 " + Mask);
    }

    /// <summary>The exception itself when no message in its chain holds a secret; else a stand-in chain with the messages
    /// redacted (same type for the transport's HttpRequestException, so callers' checks still hold). What a hostile handler
    /// or proxy puts in an exception must not reach a caller's log through the inner exception's ToString().</summary>
    public Exception Sanitize(Exception exception)
    {
        if (!HoldsSecret(exception)) return exception;
        var inner = exception.InnerException is { } cause ? Sanitize(cause) : null;
        var message = Redact(exception.Message);
        return exception switch
        {
            HttpRequestException http => new HttpRequestException(http.HttpRequestError, message, inner, http.StatusCode),
            Polly.Timeout.TimeoutRejectedException timeout => new Polly.Timeout.TimeoutRejectedException(message, timeout.Timeout, inner!),
            _ => new Exception($"{exception.GetType().FullName}: {message}", inner),
        };
    }

    private bool HoldsSecret(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
            if (Redact(e.Message) != e.Message) return true;
        return false;
    }

    // An Authorization value in any echo: the scheme, then the credential up to a delimiter.
    [GeneratedRegex(@"\b(Bearer|Basic)\s+[^\s""'<>,;\\]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credential();
}
