using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GenesysCloud.Typed.Testing.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GenesysCloud.Typed.Testing.Api;

/// <summary><c>POST /api/v2/users/search</c>: paging in the request body, by <c>pageNumber</c> or by the <c>nextPage</c>
/// token the previous response returned (bound to the same query, sort and page size).</summary>
internal static class UserSearchEndpoint
{
    private const int DefaultPageSize = 25;
    private const int MaxPageSize = 100;
    private static readonly string[] Fields = ["id", "name", "email", "username", "department", "title", "state"];
    private static readonly string[] SearchedTypes = ["users"];

    public static void Map(IEndpointRouteBuilder app, EmulatorState state) =>
        app.MapPost("/api/v2/users/search", (Delegate)((HttpContext context) => SearchAsync(context, state)))
            .WithMetadata(new RequiredScopes("users", "users:readonly"));

    private static async Task<IResult> SearchAsync(HttpContext context, EmulatorState state)
    {
        UserSearchRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, EmulatorJson.Default.UserSearchRequest, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Bad("The request body is not a valid search: " + ex.Message);
        }
        if (request is null) return Bad("A request body is required.");
        if (request.PageSize is < 1 or > MaxPageSize) return Bad($"pageSize must be from 1 to {MaxPageSize}, not {request.PageSize}.");
        if (request.PageNumber is < 1) return Bad($"pageNumber must be 1 or more, not {request.PageNumber}.");
        var sort = request.SortOrder?.ToUpperInvariant();
        if (sort is not (null or "ASC" or "DESC")) return Bad($"sortOrder must be ASC or DESC, not '{request.SortOrder}'.");
        var criteria = request.Query ?? [];
        foreach (var criterion in criteria)
        {
            if (Validate(criterion) is { } problem) return Bad(problem);
        }

        var fingerprint = Fingerprint(criteria, sort);
        var pageSize = request.PageSize ?? DefaultPageSize;
        var pageNumber = request.PageNumber ?? 1;
        if (request.NextPage is not null)
        {
            if (!TryDecodeNextPage(request.NextPage, fingerprint, out var tokenPage, out var tokenSize))
                return Bad("nextPage is not a token this search returned (it belongs to another query, sort order, or is not a token).");
            if (request.PageSize is { } size && size != tokenSize)
                return Bad($"nextPage was issued for pageSize {tokenSize}, not {size}.");
            pageSize = tokenSize;
            pageNumber = tokenPage;
        }

        // Without a state criterion a search sees active users only, as Genesys's does.
        var stateGiven = criteria.Any(c => c.Fields!.Any(f => string.Equals(f, "state", StringComparison.OrdinalIgnoreCase)));
        var skip = (long)(pageNumber - 1) * pageSize;
        var (results, total) = criteria.Count == 0
            ? state.Users.Page("active", sort == "DESC", skip, pageSize)
            : state.Users.Search(CriteriaText(criteria), u => (stateGiven || u.State == "active") && criteria.All(c => Matches(c, u)),
                sort == "DESC", skip, pageSize);
        var pageCount = (total + pageSize - 1) / pageSize;
        var next = pageNumber < pageCount ? EncodeNextPage(pageNumber + 1, pageSize, fingerprint) : null;
        return TypedResults.Json(new UserSearchResponse(total, pageCount, pageSize, pageNumber, SearchedTypes, results, next), EmulatorJson.Default.UserSearchResponse);
    }

    private static string? Validate(UserSearchCriterion? criterion)
    {
        if (criterion is null) return "query cannot hold null.";
        var type = criterion.Type?.ToUpperInvariant();
        if (type is not ("EXACT" or "CONTAINS" or "STARTS_WITH"))
            return $"query type must be EXACT, CONTAINS or STARTS_WITH, not '{criterion.Type}'.";
        if (criterion.Fields is not { Count: > 0 }) return "Each query needs at least one field.";
        foreach (var field in criterion.Fields)
        {
            if (field is null || !Fields.Contains(field.ToLowerInvariant()))
                return $"'{field}' is not a searchable user field; use {string.Join(", ", Fields)}.";
        }
        var hasValue = criterion.Value is not null;
        var hasValues = criterion.Values is { Count: > 0 };
        if (!hasValue && !hasValues) return "Each query needs a value or values (a non-empty list).";
        if (hasValue && hasValues) return "Each query takes either value or values, not both.";
        if (hasValues && criterion.Values!.Any(v => v is null)) return "values cannot hold null.";
        return null;
    }

    // Fields are ORed, values are ORed, criteria are ANDed; comparisons ignore case.
    private static bool Matches(UserSearchCriterion criterion, EmulatedUser user)
    {
        var type = criterion.Type!.ToUpperInvariant();
        var values = criterion.Values ?? [criterion.Value!];
        foreach (var field in criterion.Fields!)
        {
            var actual = field.ToLowerInvariant() switch
            {
                "id" => user.Id,
                "name" => user.Name,
                "email" => user.Email,
                "username" => user.Username,
                "department" => user.Department,
                "title" => user.Title,
                _ => user.State,
            };
            if (actual is null) continue;
            foreach (var value in values)
            {
                var hit = type switch
                {
                    "EXACT" => string.Equals(actual, value, StringComparison.OrdinalIgnoreCase),
                    "CONTAINS" => actual.Contains(value, StringComparison.OrdinalIgnoreCase),
                    _ => actual.StartsWith(value, StringComparison.OrdinalIgnoreCase),
                };
                if (hit) return true;
            }
        }
        return false;
    }

    // The sort order and the criteria, so a nextPage token is refused by any other search.
    private static string Fingerprint(IReadOnlyList<UserSearchCriterion> criteria, string? sort) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes((sort ?? "ASC") + CriteriaText(criteria))), 0, 8);

    // What a search matches, as text: the key of its index in the store (both sort orders share it).
    private static string CriteriaText(IReadOnlyList<UserSearchCriterion> criteria)
    {
        var text = new StringBuilder();
        foreach (var c in criteria)
        {
            text.Append('\u001e').Append(c.Type!.ToUpperInvariant()).Append('\u001f')
                .Append(string.Join(',', c.Fields!.Select(f => f.ToLowerInvariant()))).Append('\u001f')
                .Append(string.Join('\u001d', c.Values ?? [c.Value!]));
        }
        return text.ToString();
    }

    private static string EncodeNextPage(int pageNumber, int pageSize, string fingerprint) =>
        Paging.EncodeToken($"search:{pageNumber}:{pageSize}:{fingerprint}");

    private static bool TryDecodeNextPage(string token, string fingerprint, out int pageNumber, out int pageSize)
    {
        pageNumber = pageSize = 0;
        if (!Paging.TryDecodeToken(token, out var text)) return false;
        var parts = text.Split(':');
        return parts.Length == 4 && parts[0] == "search" &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) && pageNumber >= 2 &&
            int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) && pageSize is >= 1 and <= MaxPageSize &&
            parts[3] == fingerprint;
    }

    private static IResult Bad(string message) => ApiErrors.Result(400, "bad.request", message);
}
