using System.Net;
using System.Text.Json;

namespace GenesysCloud.Typed.Testing.Tests;

public sealed class LedgerAndScriptTests
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

    [Fact]
    public async Task Scripted_responses_replace_the_next_matching_answers_then_run_out()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        emulator.Enqueue(new ScriptedResponse
        {
            Method = "POST", Path = "/oauth/token", Status = 200, ContentType = "text/html", Body = "<html>login maintenance</html>", Times = 2,
        });
        emulator.Enqueue(new ScriptedResponse { Path = "/api/v2/users*", Status = 429, Headers = new Dictionary<string, string> { ["Retry-After"] = "soon" } });

        var (first, _) = await wire.TokenAsync([new("grant_type", "client_credentials")], Wire.Basic("emulator-client", "emulator-secret"));
        var (second, _) = await wire.TokenAsync([new("grant_type", "client_credentials")], Wire.Basic("emulator-client", "emulator-secret"));
        var token = await wire.ClientCredentialsTokenAsync();   // the script ran out
        var (scripted, _) = await wire.GetAsync("/api/v2/users/whoever", token);
        var (real, _) = await wire.GetAsync("/api/v2/users", token);

        Assert.Equal("text/html", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("text/html", second.Content.Headers.ContentType!.MediaType);
        Assert.Equal((HttpStatusCode)429, scripted.StatusCode);
        Assert.Equal("soon", scripted.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal(3, emulator.Ledger.Faults("scripted"));
    }

    [Fact]
    public async Task A_scripted_drop_closes_the_connection()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync();
        using var wire = new Wire(emulator);
        emulator.Enqueue(new ScriptedResponse { Path = "/oauth/token", DropConnection = true });
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            wire.TokenAsync([new("grant_type", "client_credentials")], Wire.Basic("emulator-client", "emulator-secret")));
    }

    [Theory]
    [InlineData("rate")]
    [InlineData("sum")]
    [InlineData("lifetime")]
    [InlineData("endless lifetime")]
    [InlineData("clients")]
    [InlineData("duplicate")]
    [InlineData("window")]
    public async Task Invalid_options_are_refused_with_a_clear_message(string what)
    {
        var options = new EmulatorOptions();
        switch (what)
        {
            case "rate": options.Faults.ServerErrorRate = 1.5; break;
            case "sum": options.Faults.ServerErrorRate = 0.6; options.Faults.DropAfterProcessingRate = 0.6; break;
            case "lifetime": options.AccessTokenLifetime = TimeSpan.Zero; break;
            case "endless lifetime": options.AccessTokenLifetime = TimeSpan.MaxValue; break;   // once an overflow on every token request
            case "clients": options.Clients.Clear(); break;
            case "duplicate": options.Clients.Add(EmulatorClient.Default); break;
            case "window": options.RateLimit.Window = TimeSpan.Zero; break;
        }
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => GenesysCloudEmulator.StartAsync(options));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Client_to_string_never_shows_the_secret()
    {
        var client = new EmulatorClient { ClientId = "id", ClientSecret = "super-secret-value" };
        Assert.DoesNotContain("super-secret-value", client.ToString());
    }
}
