using System.Text.Json;
using GenesysCloud.Typed.Testing.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GenesysCloud.Typed.Testing.Api;

/// <summary><c>/api/v2/users</c>: page-number listing, get, PATCH with optimistic concurrency, cursor query.</summary>
internal static class UsersEndpoints
{
    private const int DefaultPageSize = 25;
    private const int MaxPageSize = 500;

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        var read = new RequiredScopes("users", "users:readonly");
        app.MapGet("/api/v2/users", (HttpContext context) => List(context, state)).WithMetadata(read);
        app.MapGet("/api/v2/users/query", (HttpContext context) => Query(context, state)).WithMetadata(read);
        app.MapGet("/api/v2/users/{userId}", (HttpContext context, string userId) => Get(context, state, userId)).WithMetadata(read);
        app.MapMethods("/api/v2/users/{userId}", ["PATCH"], (HttpContext context, string userId) => PatchAsync(context, state, userId))
            .WithMetadata(new RequiredScopes("users"));
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        var query = context.Request.Query;
        if (!Paging.TryPageSize(query, DefaultPageSize, MaxPageSize, out var pageSize, out var error) ||
            !Paging.TryInt(query, "pageNumber", 1, 1, int.MaxValue, out var pageNumber, out error))
        {
            return ApiErrors.Result(400, "bad.request", error);
        }
        if (!TryFilter(query, out var userState, out var descending, out var ids, out error))
            return ApiErrors.Result(400, "bad.request", error);
        var skip = (long)(pageNumber - 1) * pageSize;
        var (entities, total) = Page(state, userState, descending, ids, skip, pageSize);
        var pageCount = (total + pageSize - 1) / pageSize;
        string Uri(int number) => Paging.PageUri("/api/v2/users", query, pageSize, number);
        var listing = new UserListing(
            entities, pageSize, pageNumber, total, pageCount,
            FirstUri: Uri(1), SelfUri: Uri(pageNumber),
            NextUri: pageNumber < pageCount ? Uri(pageNumber + 1) : null,
            PreviousUri: pageNumber > 1 ? Uri(Math.Min(pageNumber - 1, Math.Max(pageCount, 1))) : null,
            LastUri: Uri(Math.Max(pageCount, 1)));
        return TypedResults.Json(listing, EmulatorJson.Default.UserListing);
    }

    private static IResult Query(HttpContext context, EmulatorState state)
    {
        var query = context.Request.Query;
        if (!Paging.TryPageSize(query, DefaultPageSize, MaxPageSize, out var pageSize, out var error))
            return ApiErrors.Result(400, "bad.request", error);
        if (!Paging.TryDecodeCursor(query["cursor"].ToString(), out var offset))
            return ApiErrors.Result(400, "bad.request", "The cursor is not valid.");
        // The same state, sortOrder and id filters as the page-number listing, refused with the same errors.
        if (!TryFilter(query, out var userState, out var descending, out var ids, out error))
            return ApiErrors.Result(400, "bad.request", error);
        var (entities, total) = Page(state, userState, descending, ids, offset, pageSize);
        var end = offset + entities.Count;
        var cursor = end < total ? Paging.EncodeCursor(end) : null;
        var self = Paging.CursorUri("/api/v2/users/query", query, pageSize, offset > 0 ? Paging.EncodeCursor(offset) : null);
        var next = cursor is null ? null : Paging.CursorUri("/api/v2/users/query", query, pageSize, cursor);
        return TypedResults.Json(new UserCursorListing(entities, cursor, next, self), EmulatorJson.Default.UserCursorListing);
    }

    private static UserPage Page(EmulatorState state, string userState, bool descending, HashSet<string> ids, long skip, int take) =>
        ids.Count > 0 ? state.Users.PageOf(ids, userState, descending, skip, take) : state.Users.Page(userState, descending, skip, take);

    // state (default active), sortOrder (ascending or descending) and id, as both listings take them.
    private static bool TryFilter(IQueryCollection query, out string userState, out bool descending, out HashSet<string> ids, out string error)
    {
        error = "";
        ids = [];
        userState = query["state"].ToString().ToLowerInvariant();
        var sortOrder = query["sortOrder"].ToString().ToLowerInvariant();
        descending = sortOrder.StartsWith("desc", StringComparison.Ordinal);
        if (sortOrder is not ("" or "ascending" or "descending" or "asc" or "desc"))
        {
            error = $"sortOrder must be ascending or descending, not '{sortOrder}'.";
            return false;
        }
        if (userState.Length == 0) userState = "active";
        if (userState is not ("active" or "inactive" or "deleted" or "any"))
        {
            error = $"state must be active, inactive, deleted or any, not '{userState}'.";
            return false;
        }
        // Repeated (id=a&id=b) or comma-separated (id=a,b: how Genesys's own JavaScript SDK sends the list).
        ids = query["id"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        return true;
    }

    private static IResult Get(HttpContext context, EmulatorState state, string userId) =>
        state.Users.Find(userId) is { } user
            ? TypedResults.Json(user, EmulatorJson.Default.EmulatedUser)
            : ApiErrors.Result(404, "not.found", $"The user {userId} was not found.");

    private static async Task<IResult> PatchAsync(HttpContext context, EmulatorState state, string userId)
    {
        UserPatch? patch;
        try
        {
            patch = await JsonSerializer.DeserializeAsync(context.Request.Body, EmulatorJson.Default.UserPatch, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return ApiErrors.Result(400, "bad.request", "The request body is not valid JSON: " + ex.Message);
        }
        if (patch is null) return ApiErrors.Result(400, "bad.request", "A request body is required.");
        if (patch.Version is null) return ApiErrors.Result(400, "bad.request", "The version field is required to update a user.");
        if (patch.State is not (null or "active" or "inactive"))
            return ApiErrors.Result(400, "bad.request", $"state must be active or inactive, not '{patch.State}'.");

        switch (state.Users.TryPatch(userId, patch, out var user))
        {
            case PatchOutcome.NotFound:
                return ApiErrors.Result(404, "not.found", $"The user {userId} was not found.");
            case PatchOutcome.VersionConflict:
                return ApiErrors.Result(409, "general.conflict",
                    $"The version supplied [{patch.Version}] does not match the current version of the user [{user!.Version}].");
            default:
                state.Ledger.RecordUserChange(userId);
                return TypedResults.Json(user!, EmulatorJson.Default.EmulatedUser);
        }
    }
}
