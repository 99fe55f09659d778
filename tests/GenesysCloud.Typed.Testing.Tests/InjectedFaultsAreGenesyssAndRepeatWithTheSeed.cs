using System.Net;
using System.Text.Json;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>Injected faults are the ones Genesys shows (5xx with Genesys's codes, 503 with Retry-After, dropped connections before
/// or after the change applied, an HTML gateway page or truncated JSON), on every route, and the same seed repeats them.</summary>
public sealed class InjectedFaultsAreGenesyssAndRepeatWithTheSeed
{
    [Fact]
    public async Task The_same_seed_gives_the_same_faults_in_the_same_order()
    {
        async Task<List<string>> OutcomesAsync(int seed)
        {
            var faults = new EmulatorFaults { ServerErrorRate = 0.2, DropBeforeProcessingRate = 0.1, MalformedBodyRate = 0.1 };
            await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { Seed = seed, Faults = faults, RateLimit = { Enabled = false } });
            using var wire = new Wire(emulator);
            var token = await wire.ClientCredentialsTokenAsync();
            var outcomes = new List<string>();
            for (var i = 0; i < 100; i++)
            {
                try
                {
                    var (response, _) = await wire.GetAsync("/api/v2/users?pageSize=1", token);
                    outcomes.Add(((int)response.StatusCode).ToString());
                }
                catch (HttpRequestException)
                {
                    outcomes.Add("dropped");
                }
            }
            return outcomes;
        }

        var first = await OutcomesAsync(42);
        var again = await OutcomesAsync(42);
        var other = await OutcomesAsync(43);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains("dropped", first);
        Assert.Contains("200", first);
        Assert.Contains(first, o => o is "500" or "503" or "504");
        Assert.Contains("502", first);
    }

    [Fact]
    public async Task Server_errors_use_genesys_codes_and_503_carries_retry_after()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { Faults = { ServerErrorRate = 1 } });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var seen = new HashSet<int>();
        for (var i = 0; i < 40; i++)
        {
            var (response, json) = await wire.GetAsync("/api/v2/users", token);
            var status = (int)response.StatusCode;
            seen.Add(status);
            Assert.Equal(status, json.GetProperty("status").GetInt32());
            if (status == 503)
            {
                Assert.Equal("service.unavailable", json.GetProperty("code").GetString());
                Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter!.Delta);
            }
            if (status == 504) Assert.Equal("request.timeout", json.GetProperty("code").GetString());
        }
        Assert.Equal(new HashSet<int> { 500, 502, 503, 504 }, seen);
        Assert.Equal(40, new[] { "500", "502", "503", "504" }.Sum(emulator.Ledger.Faults));
    }

    [Fact]
    public async Task A_connection_dropped_before_processing_applies_nothing()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 1, Faults = { DropBeforeProcessingRate = 1 } });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var user = emulator.Users[0];

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            wire.SendAsync(HttpMethod.Patch, "/api/v2/users/" + user.Id, token, $$"""{"title":"X","version":{{user.Version}}}"""));

        Assert.Equal(0, emulator.Ledger.ChangesOf(user.Id));
        Assert.Equal(user.Version, emulator.FindUser(user.Id)!.Version);
        Assert.Equal(1, emulator.Ledger.Faults("drop-before"));
        Assert.Equal(1, emulator.Ledger.Requests("PATCH /api/v2/users/{userId}"));
    }

    [Fact]
    public async Task A_connection_dropped_after_processing_loses_the_answer_but_the_patch_applied()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 1, Faults = { DropAfterProcessingRate = 1 } });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        var user = emulator.Users[0];
        var body = $$"""{"title":"X","version":{{user.Version}}}""";

        await Assert.ThrowsAsync<HttpRequestException>(() => wire.SendAsync(HttpMethod.Patch, "/api/v2/users/" + user.Id, token, body));

        Assert.Equal(1, emulator.Ledger.ChangesOf(user.Id));
        Assert.Equal("X", emulator.FindUser(user.Id)!.Title);
        Assert.Equal(user.Version + 1, emulator.FindUser(user.Id)!.Version);
        Assert.Equal(1, emulator.Ledger.Faults("drop-after"));
    }

    [Fact]
    public async Task Malformed_bodies_are_an_html_gateway_page_or_truncated_json()
    {
        await using (var html = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { Faults = { MalformedBodyRate = 1 } }))
        {
            using var wire = new Wire(html);
            var token = await wire.ClientCredentialsTokenAsync();
            var response = await wire.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/v2/users") { Headers = { Authorization = new("Bearer", token) } });
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("<h1>502 Bad Gateway</h1>", await response.Content.ReadAsStringAsync());
        }
        await using (var truncated = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { Faults = { MalformedBodyRate = 1, MalformedBody = MalformedBodyKind.TruncatedJson } }))
        {
            using var wire = new Wire(truncated);
            var token = await wire.ClientCredentialsTokenAsync();
            var response = await wire.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/v2/users") { Headers = { Authorization = new("Bearer", token) } });
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("{", text);
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
            Assert.Equal(1, truncated.Ledger.Faults("malformed"));
        }
    }

    [Fact]
    public async Task Faults_spare_the_token_endpoint_unless_asked()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { Faults = { ServerErrorRate = 1 } });
        using var wire = new Wire(emulator);
        await wire.ClientCredentialsTokenAsync();   // asserts 200

        await using var included = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { Faults = { ServerErrorRate = 1, IncludeTokenEndpoint = true } });
        using var wire2 = new Wire(included);
        var (response, _) = await wire2.TokenAsync([new("grant_type", "client_credentials")], Wire.Basic("emulator-client", "emulator-secret"));
        Assert.True((int)response.StatusCode >= 500);
    }

    [Fact]
    public async Task Server_errors_reach_job_routes_like_any_other_and_are_counted()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { Faults = { ServerErrorRate = 1 } });
        using var wire = new Wire(emulator);
        var token = await wire.ClientCredentialsTokenAsync();
        foreach (var path in new[] { Jobs.Path + "/x", Jobs.Path + "/x/results" })
        {
            var (response, _) = await wire.GetAsync(path, token);
            Assert.True((int)response.StatusCode >= 500, path);
        }
        var (post, _) = await wire.SendAsync(HttpMethod.Post, "/api/v2/users/search", token, "{}");
        Assert.True((int)post.StatusCode >= 500);
        Assert.Equal(3, emulator.Ledger.TotalFaults);
        Assert.Equal(0, emulator.Ledger.JobStatusPolls);
    }
}
