using System.Net;
using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>An error answer becomes a GenesysApiException carrying what the server said (status, code, message,
/// correlation id, missing permissions, a short one-line excerpt of a page that is not JSON), and a success whose body
/// is not the model is a GenesysInvalidResponseException.</summary>
public sealed class ErrorsCarryWhatTheServerSaid
{
    [Fact]
    public async Task A_genesys_error_surfaces_code_message_and_the_correlation_id()
    {
        await using var h = await Harness.StartAsync();
        var error = await Assert.ThrowsAsync<GenesysApiException>(() => h.GetUserAsync("does-not-exist"));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Equal("not.found", error.Code);
        Assert.Contains("does-not-exist was not found", error.Message);
        Assert.Matches("correlation id [0-9a-f-]{36}", error.Message);
        Assert.Equal("/api/v2/users/does-not-exist", error.Path);
    }

    [Fact]
    public async Task A_version_conflict_is_a_409_with_the_servers_message()
    {
        await using var h = await Harness.StartAsync();
        var user = h.Emulator.Users[0];
        var error = await Assert.ThrowsAsync<GenesysApiException>(() => h.PatchUserAsync(user.Id, new UpdateUser { Title = "t", Version = user.Version + 5 }));
        Assert.Equal(HttpStatusCode.Conflict, error.Status);
        Assert.Contains("does not match the current version", error.Message);
    }

    [Fact]
    public async Task An_html_502_page_gives_a_clear_exception_with_a_short_excerpt()
    {
        await using var h = await Harness.StartAsync(e => e.Faults.MalformedBodyRate = 1);
        var user = h.Emulator.Users[0];
        var error = await Assert.ThrowsAsync<GenesysApiException>(() => h.PatchUserAsync(user.Id, new UpdateUser { Title = "t", Version = user.Version }));

        Assert.Equal(HttpStatusCode.BadGateway, error.Status);
        Assert.Null(error.Code);
        Assert.Equal("text/html", error.Error.ContentType);
        Assert.Contains("502 Bad Gateway", error.Message);
        Assert.DoesNotContain("\n", error.Message);
        Assert.True(error.Message.Length < 400, error.Message);
    }

    [Fact]
    public async Task Missing_permissions_are_listed_from_a_403()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(new ScriptedResponse
        {
            Path = "/api/v2/users/*",
            Status = 403,
            Body = """{"message":"You are missing the following permission(s): [directory:user:edit]","code":"missing.permissions","status":403,"messageWithParams":"You are missing the following permission(s): {perms}","messageParams":{"perms":"[directory:user:edit]"},"contextId":"ctx-1","details":[],"errors":[]}""",
        });
        var error = await Assert.ThrowsAsync<GenesysApiException>(() => h.GetUserAsync("x"));
        Assert.Equal(new[] { "directory:user:edit" }, error.Error.MissingPermissions);
        Assert.Equal("ctx-1", error.CorrelationId);
        Assert.Contains("Missing permissions: directory:user:edit", error.Message);
    }

    [Theory]
    [InlineData("text/html", "<html><body>oops</body></html>", "is not a User")]
    [InlineData("application/json", "{\"id\": 42, \"name\": []}", "is not a User")]
    [InlineData("application/json", "", "no body where a User was expected")]
    public async Task A_success_with_a_body_that_is_not_the_model_is_an_invalid_response(string contentType, string body, string mention)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(new ScriptedResponse { Path = "/api/v2/users/*", Status = 200, ContentType = contentType, Body = body });
        var error = await Assert.ThrowsAsync<GenesysInvalidResponseException>(() => h.GetUserAsync("x"));
        Assert.Contains(mention, error.Message);
    }
}
