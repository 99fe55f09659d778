using GenesysCloud.Typed.Generator.Reading;

namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>Which endpoints write, for the scope rules: a write needs the full scope (GCT0003), a read is best granted the
/// read-only one (GCT0001's suggestion, the code fix's scopes).</summary>
internal static class Writes
{
    /// <summary>PUT, PATCH and DELETE change something; so does a POST, unless it only reads — a search paged in its body,
    /// an analytics job's query — for which Genesys Cloud accepts the read-only scope.</summary>
    /// <param name="verb">"GET", "POST", …; null when the method has no (single) HTTP attribute.</param>
    public static bool IsWrite(string? verb, bool isJob, PagingStyle? paging) =>
        verb is "PUT" or "PATCH" or "DELETE" ||
        (verb == "POST" && !isJob && !(paging is { } style && PagingDefaults.PagesInBody(style)));

    /// <summary>The endpoint changes something.</summary>
    public static bool IsWrite(EndpointFacts endpoint) => IsWrite(endpoint.HttpMethod, endpoint.IsJob, endpoint.Paging);
}
