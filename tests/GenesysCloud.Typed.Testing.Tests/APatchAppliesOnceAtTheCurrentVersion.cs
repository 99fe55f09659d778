using System.Net;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>A PATCH applies once, at the user's current version: the version is bumped, a stale one is a 409 that changes nothing, a bad body a 400 naming what is wrong.</summary>
public sealed class APatchAppliesOnceAtTheCurrentVersion
{

    [Fact]
    public async Task Patch_with_the_current_version_applies_once_and_bumps_the_version()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 5 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var user = emulator.Users[2];

        var (response, json) = await wire.SendAsync(HttpMethod.Patch, "/api/v2/users/" + user.Id, token,
            $$"""{"department":"Platform","title":"Lead","version":{{user.Version}}}""");
        var (_, reread) = await wire.GetAsync("/api/v2/users/" + user.Id, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(user.Version + 1, json.GetProperty("version").GetInt32());
        Assert.Equal("Platform", reread.GetProperty("department").GetString());
        Assert.Equal("Lead", reread.GetProperty("title").GetString());
        Assert.Equal(user.Name, reread.GetProperty("name").GetString());   // untouched fields stay
        Assert.Equal(1, emulator.Ledger.ChangesOf(user.Id));
        Assert.Equal(1, emulator.Ledger.Snapshot().UsersChangedOnce);
        Assert.Equal(4, emulator.Ledger.Snapshot().UsersUnchanged);
    }

    [Fact]
    public async Task Patch_with_a_stale_version_answers_409_and_changes_nothing()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 5 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var user = emulator.Users[0];
        var body = $$"""{"department":"Platform","version":{{user.Version}}}""";

        var (first, _) = await wire.SendAsync(HttpMethod.Patch, "/api/v2/users/" + user.Id, token, body);
        var (stale, json) = await wire.SendAsync(HttpMethod.Patch, "/api/v2/users/" + user.Id, token, body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("does not match the current version", json.GetProperty("message").GetString());
        Assert.Equal(1, emulator.Ledger.ChangesOf(user.Id));
    }

    [Theory]
    [InlineData("""{"department":"X"}""", "version")]
    [InlineData("""{"department":""", "JSON")]
    [InlineData("""{"state":"deleted","version":1}""", "state")]
    public async Task Invalid_patch_bodies_answer_400(string body, string mention)
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 1 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var (response, json) = await wire.SendAsync(HttpMethod.Patch, "/api/v2/users/" + emulator.Users[0].Id, token, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mention, json.GetProperty("message").GetString());
        Assert.Equal(0, emulator.Ledger.ChangesOf(emulator.Users[0].Id));
    }
}
