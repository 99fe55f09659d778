using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>Answers a broken proxy or hostile server can give, each ending in a documented Genesys* exception: bodies
/// that do not decode, absurd Retry-After values with pacing on, unsendable tokens, limits on clients we do not own.</summary>
public sealed class HostileAnswerTests
{
    public static TheoryData<string> Encodings() => new("gzip", "deflate", "br");

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task A_body_that_does_not_decode_as_its_content_encoding_is_a_transport_error(string encoding)
    {
        // The default handler (which decompresses), not the test's tap.
        await using var h = await Harness.StartAsync(client: o => { o.HttpMessageHandler = null; o.Retry.MaxRetries = 0; });
        var id = h.Emulator.Users[0].Id;
        h.Emulator.Enqueue(new ScriptedResponse
        {
            Path = "/api/v2/users/" + id, Body = """{"id":"not compressed at all"}""",
            Headers = new Dictionary<string, string> { ["Content-Encoding"] = encoding },
        });

        var error = await Assert.ThrowsAsync<GenesysTransportException>(() => h.GetUserAsync(id));

        Assert.Contains("Content-Encoding", error.Message);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task A_token_answer_that_does_not_decode_is_an_authentication_error(string encoding)
    {
        await using var h = await Harness.StartAsync(client: o => { o.HttpMessageHandler = null; o.Retry.MaxRetries = 0; });
        h.Emulator.Enqueue(new ScriptedResponse
        {
            Path = "/oauth/token", Body = """{"access_token":"x"}""", Headers = new Dictionary<string, string> { ["Content-Encoding"] = encoding },
        });

        var error = await Assert.ThrowsAsync<GenesysAuthenticationException>(() => h.GetUserAsync(h.Emulator.Users[0].Id));

        Assert.Contains("unreadable", error.Message);
    }

    [Theory]
    [InlineData("315360000000")]
    [InlineData("9223372036854775807")]
    [InlineData("86400")]
    public async Task With_pacing_on_a_retry_after_beyond_the_cap_answers_at_once_now_and_for_the_next_call(string retryAfter)
    {
        await using var h = await Harness.StartAsync(client: o => { o.Pacing.RequestsPerMinute = 600; o.Pacing.Burst = 5; o.Timeout = TimeSpan.FromMinutes(5); });
        var id = h.Emulator.Users[0].Id;
        h.Emulator.Enqueue(new ScriptedResponse
        {
            Path = "/api/v2/users/" + id, Status = 429, Times = 2,
            Body = """{"message":"daily quota","code":"too.many.requests.retry.after","status":429}""",
            Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter },
        });

        // The fake clock never moves: a call that waited out anything would never end.
        var first = await Assert.ThrowsAsync<GenesysRateLimitException>(() => h.GetUserAsync(id).WaitAsync(TimeSpan.FromSeconds(30)));
        var second = await Assert.ThrowsAsync<GenesysRateLimitException>(() => h.GetUserAsync(id).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.True(first.RetryAfter >= TimeSpan.FromDays(1));
        Assert.Equal(first.RetryAfter, second.RetryAfter);
        Assert.Equal(2, h.Tap.To("/api/v2/").Count());
    }

    public static TheoryData<string> UnsendableTokens() => new("abc\r\ndef", "abc\ndef", "abc\u0000def", "tökén", "two words", "tab\there");

    [Theory]
    [MemberData(nameof(UnsendableTokens))]
    public async Task An_access_token_that_cannot_be_sent_is_refused_before_any_request(string token)
    {
        await using var h = await Harness.StartAsync(client: o => o.Retry.MaxRetries = 0);
        h.Emulator.Enqueue(new ScriptedResponse
        {
            Path = "/oauth/token", Body = $$"""{"access_token":{{System.Text.Json.JsonSerializer.Serialize(token)}},"token_type":"bearer","expires_in":3600}""",
        });

        var error = await Assert.ThrowsAsync<GenesysAuthenticationException>(() => h.PatchUserAsync(h.Emulator.Users[0].Id, new UpdateUser { Version = 1 }));

        Assert.Contains("bearer token", error.Message);
        Assert.DoesNotContain(token, error.ToString());
        Assert.Empty(h.Tap.To("/api/v2/"));
    }

    [Theory]
    [MemberData(nameof(UnsendableTokens))]
    public async Task A_custom_credential_whose_token_cannot_be_sent_fails_clearly(string token)
    {
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.ClientId = null;
            o.ClientSecret = null;
            o.Credential = GenesysCredential.StaticToken(token);
        });

        var error = await Assert.ThrowsAsync<GenesysAuthenticationException>(() => h.GetUserAsync(h.Emulator.Users[0].Id));

        Assert.DoesNotContain(token, error.ToString());
        Assert.Empty(h.Tap.To("/api/v2/"));
    }

    [Fact]
    public async Task Max_response_bytes_holds_for_an_http_client_the_caller_supplied()
    {
        using var supplied = new HttpClient();   // its own buffer limit is 2 GB
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.HttpMessageHandler = null;
            o.HttpClient = supplied;
            o.MaxResponseBytes = 1024;
        });

        var error = await Assert.ThrowsAsync<GenesysTransportException>(async () =>
        {
            await foreach (var _ in h.ListUsers(50)) { }
        });

        Assert.Contains("MaxResponseBytes", error.Message);
        Assert.Equal(0, h.Connection.Telemetry.Counters.Retries);
    }

    [Theory]
    [InlineData(1023L)]
    [InlineData(int.MaxValue + 1L)]
    [InlineData(4L * 1024 * 1024 * 1024)]
    public void Max_response_bytes_outside_what_http_client_can_buffer_is_refused_by_validation(long bytes)
    {
        var options = new GenesysCloudOptions { ClientId = "id", ClientSecret = "secret", Region = GenesysCloudRegion.UsEast1, MaxResponseBytes = bytes };
        var error = Assert.ThrowsAny<Exception>(() => new GenesysCloudConnection(options));
        Assert.Contains("MaxResponseBytes", error.Message);
    }
}
