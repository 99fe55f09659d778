using System.Globalization;
using System.Text.Json;
using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>Hostile or broken server input, table-driven: each case scripts what the emulator (or a proxy) answers and
/// states the outcome we promise (the exception type and a phrase of its message, or success) with no hang, no secret
/// in the message and nothing sent to another host. docs/reliability.md lists the same cases.</summary>
public sealed class HostileInputHasADefinedOutcome
{
    public sealed record Case(string Name, ScriptedResponse[] Script, string Call, Type? Expected, string Mention)
    {
        public override string ToString() => Name;
    }

    private static ScriptedResponse Token(string body, int status = 200, string type = "application/json", int times = 1) =>
        new() { Method = "POST", Path = "/oauth/token", Status = status, ContentType = type, Body = body, Times = times };

    private static ScriptedResponse Api(string body, int status = 200, string type = "application/json", Dictionary<string, string>? headers = null, int times = 1) =>
        new() { Path = "/api/v2/users*", Status = status, ContentType = type, Body = body, Headers = headers ?? new(), Times = times };

    private static ScriptedResponse Throttle(string retryAfter) =>
        Api("""{"message":"Rate limit exceeded","code":"too.many.requests","status":429}""", 429, headers: new() { ["Retry-After"] = retryAfter });

    private static ScriptedResponse Page(string next) =>
        Api($$"""{"entities":[],"pageNumber":1,"pageCount":5,"nextUri":{{System.Text.Json.JsonSerializer.Serialize(next)}}}""");

    private const string Ok = "ok";
    private static readonly string Future = DateTimeOffset.Parse("2026-11-26T08:00:20Z").ToString("r", CultureInfo.InvariantCulture);
    private static readonly string Past = DateTimeOffset.Parse("2026-11-26T07:00:00Z").ToString("r", CultureInfo.InvariantCulture);

    public static TheoryData<Case> Cases => new()
    {
        // Token endpoint
        new("token without expires_in", [Token("""{"access_token":"t","token_type":"bearer"}""")], "get", typeof(GenesysAuthenticationException), "expires_in is missing"),
        new("token with expires_in 0", [Token("""{"access_token":"t","expires_in":0}""")], "get", typeof(GenesysAuthenticationException), "expires_in is 0"),
        new("token with negative expires_in", [Token("""{"access_token":"t","expires_in":-60}""")], "get", typeof(GenesysAuthenticationException), "expires_in is -60"),
        new("token with non-numeric expires_in", [Token("""{"access_token":"t","expires_in":"soon"}""")], "get", typeof(GenesysAuthenticationException), "not a number"),
        new("token with expires_in as a numeric string", [Token("""{"access_token":"SECRET-T","expires_in":"3600"}""")], "get", null, Ok),
        new("token with a huge expires_in is clamped", [Token("""{"access_token":"SECRET-T","expires_in":99999999999}""")], "get", null, Ok),
        new("token without access_token", [Token("""{"token_type":"bearer","expires_in":3600}""")], "get", typeof(GenesysAuthenticationException), "no access_token"),
        new("token with an empty access_token", [Token("""{"access_token":"","expires_in":3600}""")], "get", typeof(GenesysAuthenticationException), "no access_token"),
        new("token as an HTML page", [Token("<html>maintenance</html>", 200, "text/html")], "get", typeof(GenesysAuthenticationException), "not JSON"),
        new("token endpoint 502 HTML", [Token("<html><h1>502 Bad Gateway</h1></html>", 502, "text/html", times: 10)], "get", typeof(GenesysAuthenticationException), "502"),
        new("token endpoint JSON array", [Token("[1,2,3]")], "get", typeof(GenesysAuthenticationException), "not an object"),
        new("token error invalid_client", [Token("""{"error":"invalid_client","error_description":"bad"}""", 401)], "get", typeof(GenesysAuthenticationException), "invalid_client"),
        new("token response echoing a token in a bad body", [Token("""{"access_token":"SECRET-T","expires_in":"x"}""")], "get", typeof(GenesysAuthenticationException), "its fields: access_token (string), expires_in (string)"),
        new("token endpoint 503 then fine", [Token("""{"message":"busy"}""", 503)], "get", null, Ok),
        // API bodies
        new("API 502 HTML on a PATCH", [Api("<html><h1>502 Bad Gateway</h1></html>", 502, "text/html")], "patch", typeof(GenesysApiException), "502 Bad Gateway"),
        new("API truncated JSON", [Api("""{"id":"a","name":""", 200)], "get", typeof(GenesysInvalidResponseException), "is not a User"),
        new("API wrong types", [Api("""{"id":42,"name":{"x":1}}""")], "get", typeof(GenesysInvalidResponseException), "is not a User"),
        new("API empty 200", [Api("")], "get", typeof(GenesysInvalidResponseException), "no body"),
        new("API JSON null", [Api("null")], "get", typeof(GenesysInvalidResponseException), "no body"),
        new("API oversized body", [Api("{\"id\":\"a\",\"name\":\"" + new string('x', 70_000) + "\"}", times: 10)], "small-buffer", typeof(GenesysTransportException), "MaxResponseBytes"),
        new("API unknown properties are ignored", [Api("""{"id":"a","name":"n","brandNewField":{"deep":[1,2]},"version":3}""")], "get", null, Ok),
        new("API unknown enum value tolerated as text", [Api("""{"id":"a","name":"n","state":"hibernating"}""")], "get", null, Ok),
        new("API error body not JSON", [Api("Service melted", 500, "text/plain", times: 20)], "patch", typeof(GenesysApiException), "Service melted"),
        new("API error without code", [Api("""{"message":"odd"}""", 400)], "get", typeof(GenesysApiException), "odd"),
        new("API 403 missing permissions", [Api("""{"message":"Missing [directory:user:edit]","code":"missing.permissions","status":403}""", 403)], "get", typeof(GenesysApiException), "directory:user:edit"),
        new("API 404", [Api("""{"message":"nope","code":"not.found","status":404}""", 404)], "get", typeof(GenesysApiException), "not.found"),
        // Retry-After
        new("Retry-After garbage", [Throttle("soon")], "get", null, Ok),
        new("Retry-After negative", [Throttle("-5")], "get", null, Ok),
        new("Retry-After huge", [Throttle("86400")], "get", typeof(GenesysRateLimitException), "429"),
        new("Retry-After past date", [Throttle(Past)], "get", null, Ok),
        new("Retry-After future date", [Throttle(Future)], "get", null, Ok),
        new("Retry-After empty", [Throttle("")], "get", null, Ok),
        new("Retry-After decimal", [Throttle("1.5")], "get", null, Ok),
        new("429 forever", [Api("""{"code":"too.many.requests"}""", 429, headers: new() { ["Retry-After"] = "1" }, times: 100)], "get", typeof(GenesysRateLimitException), "too.many.requests"),
        // nextUri
        new("nextUri loops", [Page("/api/v2/users?pageSize=2&pageNumber=1")], "list", typeof(GenesysPagingException), "repeats an earlier page"),
        new("nextUri to another host", [Page("https://evil.example.com/api/v2/users?pageNumber=2")], "list", typeof(GenesysPagingException), "not the configured API host"),
        new("nextUri changes scheme", [Page("https://127.0.0.1/api/v2/users?pageNumber=2")], "list", typeof(GenesysPagingException), "not the configured API host"),
        new("nextUri protocol-relative", [Page("//evil.example.com/api/v2/users")], "list", typeof(GenesysPagingException), "not a URI this client can follow"),
        new("nextUri javascript:", [Page("javascript:alert(1)")], "list", typeof(GenesysPagingException), "not a URI this client can follow"),
        new("nextUri not a URI", [Page("::::  ::")], "list", typeof(GenesysPagingException), "not a URI"),
        new("nextUri with control characters", [Page("/api/v2/users?x=\u0001")], "list", typeof(GenesysPagingException), "not a URI"),
        new("page without entities", [Api("""{"pageNumber":1}""")], "list", typeof(GenesysInvalidResponseException), "no 'entities' array"),
        new("page entities not an array", [Api("""{"entities":{"a":1}}""")], "list", typeof(GenesysInvalidResponseException), "not an array"),
        new("page entities null", [Api("""{"entities":null,"pageNumber":1}""")], "list", typeof(GenesysInvalidResponseException), "is null, not an array"),
        new("page entities holding null", [Api("""{"entities":[null,null],"pageNumber":1}""")], "list", typeof(GenesysInvalidResponseException), "holds null at index 0"),
        // Redirects
        new("3xx to another host", [Api("", 302, headers: new() { ["Location"] = "https://evil.example.com/steal" })], "get", typeof(GenesysApiException), "302"),
        new("307 to the same host", [Api("", 307, headers: new() { ["Location"] = "/api/v2/users/x" })], "get", typeof(GenesysApiException), "307"),
        // Transport
        new("dropped connection on GET then fine", [new ScriptedResponse { Path = "/api/v2/users*", DropConnection = true }], "get", null, Ok),
        new("dropped connection on PATCH", [new ScriptedResponse { Path = "/api/v2/users*", DropConnection = true }], "patch", typeof(GenesysTransportException), "may have been processed"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_input_has_a_defined_outcome_without_hanging_or_leaking(Case c)
    {
        await using var h = await Harness.StartAsync(e => e.UserCount = 3, o =>
        {
            o.Retry.MaxRetries = 3;
            o.Retry.MaxRetryAfter = TimeSpan.FromMinutes(1);
            if (c.Call == "small-buffer") o.MaxResponseBytes = 64 * 1024;
        });
        foreach (var script in c.Script) h.Emulator.Enqueue(script);
        var user = h.Emulator.Users[0];
        Task call = c.Call switch
        {
            "get" or "small-buffer" => h.GetUserAsync(user.Id),
            "patch" => h.PatchUserAsync(user.Id, new UpdateUser { Title = "t", Version = user.Version }),
            _ => Drain(h.ListUsers(2, "&pageNumber=1")),
        };
        await h.AdvanceUntilDoneAsync(call.ContinueWith(_ => { }), limit: TimeSpan.FromHours(2));

        if (c.Expected is null)
        {
            await call;   // succeeds
            return;
        }
        var error = await Assert.ThrowsAnyAsync<Exception>(() => call);
        Assert.IsType(c.Expected, error);
        Assert.Contains(c.Mention, error.Message);
        Assert.DoesNotContain("SECRET-T", error.ToString());
        Assert.DoesNotContain("emulator-secret", error.ToString());
        foreach (var sent in h.Tap.Requests) Assert.Equal(h.Emulator.BaseAddress.Authority, sent.Uri.Authority);
    }

    [Fact]
    public void The_table_has_at_least_forty_cases() => Assert.True(Cases.Count >= 40, Cases.Count.ToString(CultureInfo.InvariantCulture));

    private static async Task Drain(GenesysPageable<User> pages)
    {
        await foreach (var _ in pages) { }
    }

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

    [Fact]
    public async Task A_truncated_page_is_a_clear_invalid_response()
    {
        await using var h = await Harness.StartAsync(e => { e.Faults.MalformedBodyRate = 1; e.Faults.MalformedBody = MalformedBodyKind.TruncatedJson; });
        var error = await Assert.ThrowsAsync<GenesysInvalidResponseException>(async () => { await foreach (var _ in h.ListUsers(10)) { } });
        Assert.Contains("cannot be read as a listing of User", error.Message);
        Assert.NotNull(error.CorrelationId);
    }
}
