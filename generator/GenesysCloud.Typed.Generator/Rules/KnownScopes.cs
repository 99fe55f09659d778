using System;
using System.Collections.Generic;
using System.Linq;
using GenesysCloud.Typed.Generator.Shared;

namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>The Genesys Cloud OAuth scope names (each also has a <c>:readonly</c> form), for typo checks.</summary>
internal static class KnownScopes
{
    private static readonly string[] Names =
    [
        "alerting", "analytics", "architect", "assistants", "audits", "authorization", "billing", "business-rules", "callbacks",
        "cobrowse", "coaching", "content-management", "conversations", "customer-intent", "devices", "dataTables", "directory",
        "emails", "external-contacts", "external-events-data-ingestion", "fax", "gamification", "greetings", "groups",
        "guides", "identity-provider", "infrastructure-as-code", "integrations", "journey", "knowledge", "language-understanding",
        "learning", "messaging", "messaging-platform", "notifications", "oauth", "organization", "organization-authorization",
        "outbound", "presence", "process-automation", "quality", "recordings", "response-management", "routing", "scim",
        "screen-recording", "scripts", "search", "settings", "social-media", "task-management", "telephony",
        "upload", "user-basic-info", "user-recordings", "users", "web-chat", "webdeployments", "workforce-management",
    ];

    // Scopes that exist only in one form.
    private static readonly string[] Special = ["audits:readonly", "search:readonly", "user-basic-info", "upload", "openid", "profile", "email"];

    public static readonly IReadOnlyCollection<string> All =
        new HashSet<string>(Names.SelectMany(n => new[] { n, n + ScopeCoverage.ReadOnlySuffix }).Concat(Special), StringComparer.Ordinal);

    public static bool IsKnown(string scope) => All.Contains(scope);

    public static bool IsReadOnly(string scope) => ScopeCoverage.IsReadOnly(scope);

    /// <summary>The closest known scope within a small edit distance (case ignored), or null.</summary>
    public static string? Suggest(string scope) => Suggest(scope, All);

    /// <summary>The closest of <paramref name="candidates"/> within a small edit distance (case ignored), or null.</summary>
    public static string? Suggest(string scope, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance.Of(scope.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.Max(2, scope.Length / 4) ? best : null;
    }
}
