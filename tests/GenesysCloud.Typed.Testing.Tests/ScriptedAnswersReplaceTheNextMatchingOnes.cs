using System.Net;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>Scripted answers replace the next matching answers, then run out; a scripted drop closes the connection.</summary>
public sealed class ScriptedAnswersReplaceTheNextMatchingOnes
{

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
}
