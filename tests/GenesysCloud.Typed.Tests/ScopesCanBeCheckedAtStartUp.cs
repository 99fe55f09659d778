namespace GenesysCloud.Typed.Tests;

/// <summary>A generated client lists its endpoints with their effective OAuth scopes, so an application can check at
/// start-up which endpoints its granted scopes do not cover ("x" covers "x:readonly").</summary>
public sealed class ScopesCanBeCheckedAtStartUp
{
    [Fact]
    public void Scope_coverage_treats_x_as_covering_x_readonly()
    {
        var read = new GenesysEndpoint("List", "GET", "/api/v2/users", ["users", "users:readonly"]);
        var write = new GenesysEndpoint("Update", "PATCH", "/api/v2/users/{userId}", ["users"]);
        Assert.True(read.IsCoveredBy(["users:readonly"]));
        Assert.True(write.IsCoveredBy(["users"]));
        Assert.False(write.IsCoveredBy(["users:readonly"]));
        Assert.False(Scopes.Covers("user", "users:readonly"));
        Assert.Equal(new[] { write }, Scopes.Uncovered([read, write], ["users:readonly"]));
    }

    [Fact]
    public void Endpoints_carry_the_effective_scopes_for_a_start_up_check()
    {
        var endpoints = IUsersApi.Endpoints;
        Assert.Equal(9, endpoints.Count);
        Assert.Equal(new[] { "users" }, endpoints.Single(e => e.Name == "UpdateUserAsync").RequiredScopes);
        Assert.Equal(new[] { "users", "users:readonly" }, endpoints.Single(e => e.Name == "GetUserAsync").RequiredScopes);
        var uncovered = Scopes.Uncovered(endpoints, ["users:readonly"]);
        Assert.Equal("PATCH /api/v2/users/{userId} (UpdateUserAsync)", Assert.Single(uncovered).ToString());
    }
}
