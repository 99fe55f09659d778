using System.Globalization;
using System.Net.Http.Headers;

namespace GenesysCloud.Typed;

/// <summary>Reads Retry-After as seconds or an HTTP-date. Garbage or a negative number count as absent (the caller
/// falls back to backoff); a date in the past is zero; anything beyond a year reads as a year, so that "now + wait" is
/// always a time and no cap is ever compared with an overflow.</summary>
internal static class RetryAfter
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(365);

    private static readonly string[] HttpDateFormats = ["r", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy", "ddd MMM dd HH:mm:ss yyyy"];

    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (!headers.TryGetValues("Retry-After", out var values)) return null;
        var raw = values.FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(raw)) return null;
        if (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            return seconds < 0 ? null : TimeSpan.FromSeconds(Math.Min(seconds, (long)Longest.TotalSeconds));
        // Only the HTTP-date forms (RFC 9110 §5.6.7): a lenient parse would read "1.5" as the 5th of January.
        if (DateTimeOffset.TryParseExact(raw, HttpDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var delta = date - now;
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta > Longest ? Longest : delta;
        }
        return null;
    }
}
