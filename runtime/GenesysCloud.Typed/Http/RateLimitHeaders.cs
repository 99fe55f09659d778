using System.Globalization;
using System.Net.Http.Headers;

namespace GenesysCloud.Typed;

/// <summary>Reads <c>inin-ratelimit-allowed</c>, <c>-count</c> and <c>-reset</c> (seconds) when all three are present and numeric.</summary>
internal static class RateLimitHeaders
{
    public static bool TryRead(HttpResponseHeaders headers, out int allowed, out int count, out TimeSpan reset)
    {
        allowed = count = 0;
        reset = TimeSpan.Zero;
        if (!TryInt(headers, GenesysHeaders.RateLimitAllowed, out allowed) || !TryInt(headers, GenesysHeaders.RateLimitCount, out count) ||
            !TryInt(headers, GenesysHeaders.RateLimitReset, out var seconds))
            return false;
        reset = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static bool TryInt(HttpResponseHeaders headers, string name, out int value)
    {
        value = 0;
        return headers.TryGetValues(name, out var values) &&
               int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= 0;
    }
}
