using System.Net;
using System.Text.Json;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>The ledger counts what was served: the org's counts and conversation span, and the same counts as JSON out of process.</summary>
public sealed class TheLedgerCountsWhatWasServed
{
    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(1, 1, 2)]
    [InlineData(57, 3_000, 3)]
    [InlineData(10, 80_000, 4)]
    public async Task Info_says_the_counts_and_the_span_that_holds_every_conversation(int users, int conversations, int seed)
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = users, ConversationCount = conversations, Seed = seed });
        using var wire = new Wire(emulator);

        var info = JsonDocument.Parse(await wire.Http.GetStringAsync("emulator/info")).RootElement;

        Assert.Equal(users, info.GetProperty("users").GetInt32());
        Assert.Equal(conversations, info.GetProperty("conversations").GetInt32());
        var (start, end) = (info.GetProperty("conversationsStart").GetDateTimeOffset(), info.GetProperty("conversationsEnd").GetDateTimeOffset());
        Assert.Equal(emulator.ConversationSpan, (start, end));
        Assert.Equal(emulator.Ledger.AllConversationIds(), emulator.Ledger.ConversationIdsIn(start, end));
        Assert.Equal(0, emulator.Ledger.TotalApiRequests);   // not an API request
    }

    [Fact]
    public async Task Stats_are_served_as_json_out_of_process_and_match_the_in_process_ledger()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 3 });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var user = emulator.Users[1];
        await wire.GetAsync("/api/v2/users", token);
        await wire.GetAsync("/api/v2/users", null);
        await wire.SendAsync(HttpMethod.Patch, "/api/v2/users/" + user.Id, token, $$"""{"title":"T","version":{{user.Version}}}""");

        var stats = JsonDocument.Parse(await wire.Http.GetStringAsync("emulator/stats")).RootElement;

        Assert.Equal(1, stats.GetProperty("tokenRequestsByGrant").GetProperty("client_credentials").GetInt32());
        Assert.Equal(1, stats.GetProperty("requestsByRoute").GetProperty("GET /api/v2/users").GetProperty("200").GetInt32());
        Assert.Equal(1, stats.GetProperty("requestsByRoute").GetProperty("GET /api/v2/users").GetProperty("401").GetInt32());
        Assert.Equal(1, stats.GetProperty("requestsByRoute").GetProperty("PATCH /api/v2/users/{userId}").GetProperty("200").GetInt32());
        Assert.Equal(1, stats.GetProperty("userChanges").GetProperty(user.Id).GetInt32());
        Assert.Equal(1, stats.GetProperty("usersChangedOnce").GetInt32());
        Assert.Equal(2, stats.GetProperty("usersUnchanged").GetInt32());
        Assert.Equal(3, emulator.Ledger.TotalApiRequests);
        Assert.Equal(1, emulator.Ledger.Requests("GET /api/v2/users", 401));
    }

}
