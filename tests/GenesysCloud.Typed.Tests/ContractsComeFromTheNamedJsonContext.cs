using System.Text.Json.Serialization.Metadata;

namespace GenesysCloud.Typed.Tests;

/// <summary>[GenesysApi(JsonContext = …)]: contracts come from the named context even when the connection's own
/// resolver knows none of the models, under the connection's options.</summary>
public sealed class ContractsComeFromTheNamedJsonContext
{
    // A resolver that knows no type at all: anything that works below came from the interface's JsonContext.
    private static Task<Harness> StartWithoutModelsAsync() =>
        Harness.StartAsync(e => e.UserCount = 120, client: o => o.TypeInfoResolver = JsonTypeInfoResolver.Combine());

    [Fact]
    public async Task Lists_gets_and_patches_with_contracts_from_the_context_alone()
    {
        await using var h = await StartWithoutModelsAsync();
        var users = IContextUsersApi.Create(h.Connection);

        var listed = new List<User>();
        await foreach (var user in users.ListUsersAsync(pageSize: 50, state: UserState.Any)) listed.Add(user);
        var id = listed[7].Id;
        var got = await users.GetUserAsync(id);
        var before = got.Value!;
        var updated = await users.UpdateUserAsync(id, new UpdateUser { Department = "Platform", Version = before.Version });

        Assert.Equal(120, listed.Select(u => u.Id).Distinct().Count());
        Assert.Equal(id, before.Id);
        Assert.Equal(before.Version + 1, updated.Version);
        var patch = h.Emulator.Ledger.RecentRequests.Single(r => r.Method == "PATCH");
        Assert.Equal($$"""{"department":"Platform","version":{{before.Version}}}""", patch.Body);
    }

    [Fact]
    public async Task Without_a_context_the_same_models_are_missing_from_that_connection()
    {
        await using var h = await StartWithoutModelsAsync();
        var users = IUsersApi.Create(h.Connection);

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => users.GetUserAsync(h.Emulator.Users[0].Id));
        Assert.Contains("No JSON contract", thrown.Message);
    }
}
