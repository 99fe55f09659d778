using System.Net;
using System.Text;
using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>A hostile or broken server (or a proxy's transport failure) echoes what we sent (the Authorization header,
/// the token form) into error pages, error bodies, bodies of the wrong shape and exceptions. Whatever of that reaches
/// an exception message, its inner exceptions, ToString() or a log line has every secret the connection knows blanked:
/// whole, encoded, at an excerpt's edge, or past its window.</summary>
public sealed class EchoedSecretsAreRedacted
{
    public static TheoryData<string> ApiEchoes() => new(EchoHandler.ApiVariants);

    [Theory]
    [MemberData(nameof(ApiEchoes))]
    public async Task An_api_answer_echoing_the_bearer_token_never_puts_it_in_a_message_or_log(string variant)
    {
        var echo = new EchoHandler();
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.HttpMessageHandler = echo.Wrapping(o.HttpMessageHandler!);
            o.Retry.MaxRetries = 0;   // a 502 is the answer here, not a wait on the fake clock
        });
        await h.GetUserAsync(h.Emulator.Users[0].Id);   // a token, for the echo to leak
        var seen = new List<string>();

        var request = new GenesysRequest(HttpMethod.Get, "/api/v2/echo/" + variant);
        var error = variant.StartsWith("page", StringComparison.Ordinal)
            ? await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await foreach (var _ in h.Connection.Paginate(request, TestJson.Default.User)) { }
            })
            : await Assert.ThrowsAnyAsync<Exception>(() => h.Connection.SendAsync(request, TestJson.Default.User));
        Assert.True(error is GenesysApiException or GenesysInvalidResponseException or GenesysPagingException, error.GetType().Name);
        seen.Add(error.ToString());
        if (error is GenesysApiException api)
        {
            seen.AddRange([api.Error.Message, .. api.Error.Details, .. api.Error.MissingPermissions, api.Error.ToString()]);
            seen.Add(api.Code ?? "");
            seen.Add(api.CorrelationId ?? "");
        }
        if (error is GenesysInvalidResponseException invalid) seen.Add(invalid.CorrelationId ?? "");
        seen.AddRange(h.LogLines());

        AssertNoSecret(seen, Secrets(h), variant);
        // The echo was there, and blanked (past the excerpt's window there is nothing left to show; a link that leaves
        // the API is refused before it is quoted in full).
        if (variant is not ("window" or "page-dots")) Assert.Contains(SecretRedactorMask, string.Join("\n", seen));
    }

    public static TheoryData<string> TokenEchoes() => new(EchoHandler.TokenVariants);

    [Theory]
    [MemberData(nameof(TokenEchoes))]
    public async Task A_token_endpoint_answer_echoing_the_basic_credential_and_secret_never_leaks_them(string variant)
    {
        const string secret = "s3cr3t+Sec/ret=Value~XYZ0123456789 ü";
        var echo = new EchoHandler { EchoTokenEndpoint = true, TokenVariant = variant };
        await using var h = await Harness.StartAsync(client: o =>
        {
            o.ClientSecret = secret;
            o.HttpMessageHandler = echo.Wrapping(o.HttpMessageHandler!);
        });

        var error = await Assert.ThrowsAsync<GenesysAuthenticationException>(() => h.GetUserAsync(h.Emulator.Users[0].Id));

        var seen = new List<string> { error.ToString(), error.Error ?? "", error.CorrelationId ?? "" };
        seen.AddRange(h.LogLines());
        AssertNoSecret(seen, [secret, Basic(EmulatorClient.Default.ClientId, secret), EchoHandler.IssuedToken], variant);
    }

    [Fact]
    public async Task A_refresh_grant_answer_echoing_the_refresh_token_never_leaks_it()
    {
        const string redirect = "http://localhost:9000/cb";
        var echo = new EchoHandler();
        var store = new InMemoryRefreshTokenStore();
        GenesysCloudEmulator? emulator = null;
        await using var h = await Harness.StartAsync(
            e => e.AccessTokenLifetime = TimeSpan.FromMinutes(1),
            o =>
            {
                o.ClientId = null;
                o.ClientSecret = null;
                o.HttpMessageHandler = echo.Wrapping(o.HttpMessageHandler!);
                o.Credential = new AuthorizationCodeCredential("emulator-client", "emulator-secret")
                {
                    Code = new AuthorizationCodeGrant(emulator!.CreateAuthorizationCode("emulator-client", redirect), redirect),
                    RefreshTokenStore = store,
                };
            },
            beforeClient: e => emulator = e);
        await h.GetUserAsync(h.Emulator.Users[0].Id);
        var refreshToken = (await store.LoadAsync(default))!;
        echo.EchoTokenEndpoint = true;
        h.FakeClock.Advance(TimeSpan.FromMinutes(2));

        var error = await Assert.ThrowsAsync<GenesysAuthenticationException>(() => h.GetUserAsync(h.Emulator.Users[0].Id));

        var seen = new List<string> { error.ToString() };
        seen.AddRange(h.LogLines());
        AssertNoSecret(seen, [refreshToken, "emulator-secret", Basic("emulator-client", "emulator-secret")], "refresh");
    }

    [Fact]
    public void The_redactor_blanks_every_form_of_every_secret_it_was_told_in_any_text()
    {
        var random = new Random(1127);
        var redactor = new SecretRedactor();
        var secrets = Enumerable.Range(0, 40).Select(_ => RandomSecret(random)).ToList();
        foreach (var secret in secrets) redactor.Add(secret);
        foreach (var secret in secrets)
        foreach (var form in new[] { secret, Uri.EscapeDataString(secret), secret.Replace("/", "\\/") })
        {
            var text = RandomText(random) + form + RandomText(random);
            var redacted = redactor.Redact(text);
            Assert.DoesNotContain(form, redacted);
            Assert.Contains(SecretRedactorMask, redacted);
        }
        // Unknown credentials after an Authorization scheme are blanked too.
        Assert.DoesNotContain("unknownCredential123", redactor.Redact("authorization: BEARER unknownCredential123\n"));
        Assert.DoesNotContain("dXNlcjpwYXNz", redactor.Redact("Authorization: Basic dXNlcjpwYXNz"));
    }

    private const string SecretRedactorMask = "[redacted]";

    private static string RandomSecret(Random random)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~+/=";
        return new string(Enumerable.Range(0, random.Next(8, 120)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    private static string RandomText(Random random) =>
        new(Enumerable.Range(0, random.Next(0, 300)).Select(_ => " \n\tabc<>\"'{}:,;"[random.Next(15)]).ToArray());

    private static string Basic(string id, string secret) => Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret));

    private static List<string> Secrets(Harness h)
    {
        var tokens = h.Tap.Requests.Select(r => r.Authorization).OfType<string>().Where(a => a.StartsWith("Bearer ", StringComparison.Ordinal))
            .Select(a => a["Bearer ".Length..]).Distinct().ToList();
        Assert.NotEmpty(tokens);
        tokens.Add(EmulatorClient.Default.ClientSecret!);
        tokens.Add(Basic(EmulatorClient.Default.ClientId, EmulatorClient.Default.ClientSecret!));
        return tokens;
    }

    /// <summary>No secret whole, and no 12-character piece of one: an excerpt cut inside a secret leaks too.</summary>
    private static void AssertNoSecret(IEnumerable<string> texts, IEnumerable<string> secrets, string label)
    {
        var pieces = secrets.SelectMany(s => s.Length <= 12 ? [s] : Enumerable.Range(0, s.Length - 11).Select(i => s.Substring(i, 12))).ToHashSet();
        foreach (var text in texts)
        foreach (var piece in pieces)
            Assert.False(text.Contains(piece, StringComparison.OrdinalIgnoreCase), $"{label}: a secret leaked into: {text[..Math.Min(120, text.Length)]}…");
    }

    /// <summary>The hostile server: answers /api/v2/echo/{variant} with what it received, and on demand the token endpoint.</summary>
    private sealed class EchoHandler : DelegatingHandler
    {
        public static readonly string[] ApiVariants =
        [
            "html", "json", "boundary", "window", "encoded", "success", "page", "lowercase", "code", "context", "correlation", "correlation-success",
            "permissions", "unauthorized", "page-bearer", "page-javascript", "page-loop", "page-dots", "uppercase", "lowercased",
        ];

        public static readonly string[] TokenVariants = ["text", "error-code", "encodings", "escaped-name"];
        public const string IssuedToken = "tok_Zx81AbQ7pLm3Rt9Vw2Ky5Nc";

        public volatile bool EchoTokenEndpoint;
        public string TokenVariant { get; init; } = "text";

        public HttpMessageHandler Wrapping(HttpMessageHandler inner)
        {
            InnerHandler = inner;
            return this;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/oauth/token" && EchoTokenEndpoint)
            {
                var form = await request.Content!.ReadAsStringAsync(cancellationToken);
                var basic = request.Headers.Authorization?.Parameter ?? "";
                var decoded = basic.Length == 0 ? "" : Encoding.UTF8.GetString(Convert.FromBase64String(basic));
                var secret = decoded[(decoded.IndexOf(':') + 1)..];
                return TokenVariant switch
                {
                    "error-code" => Answer(HttpStatusCode.BadRequest, "application/json",
                        $$"""{"error":"Basic {{basic}}","error_description":"secret {{secret}}"}"""),
                    "encodings" => Answer(HttpStatusCode.BadRequest, "text/plain",
                        $"a={Uri.EscapeDataString(secret).ToLowerInvariant()} b={System.Net.WebUtility.UrlEncode(secret)} " +
                        $"c={System.Text.Json.JsonEncodedText.Encode(secret)} d={System.Web.HttpUtility.UrlEncode(secret)}"),
                    "escaped-name" => Answer(HttpStatusCode.OK, "application/json",
                        $$"""{"access_token":"{{IssuedToken}}","expires_in":"soon","refresh_token":"{{IssuedToken}}"}"""),
                    _ => Answer(HttpStatusCode.BadRequest, "text/plain",
                        $"Bad request. You sent: Authorization: Basic {basic}\nclient={decoded}\nbody={form}\nsecret={secret}"),
                };
            }
            if (!path.StartsWith("/api/v2/echo/", StringComparison.Ordinal)) return await base.SendAsync(request, cancellationToken);

            var auth = request.Headers.Authorization!.ToString();
            var token = request.Headers.Authorization!.Parameter!;
            return path["/api/v2/echo/".Length..] switch
            {
                "html" => Answer(HttpStatusCode.BadGateway, "text/html",
                    $"<html><head><title>502</title></head><body><h1>Bad Gateway</h1><pre>GET {path}\nAuthorization: {auth}\nAccept: application/json</pre></body></html>"),
                "json" => Answer(HttpStatusCode.BadRequest, "application/json",
                    $$"""{"message":"Token {{token}} is not valid here","code":"bad.request","status":400,"details":[{"fieldName":"{{token}}"}],"errors":[{"message":"echo {{token}}"}]}"""),
                "boundary" => Answer(HttpStatusCode.BadGateway, "text/plain", new string('x', 190) + token + " and more"),
                "window" => Answer(HttpStatusCode.BadGateway, "text/plain", new string('\n', 65_530) + token + new string('y', 100)),
                "encoded" => Answer(HttpStatusCode.BadGateway, "text/plain", $"a={Uri.EscapeDataString(token)} b={token.Replace("/", "\\/")}"),
                "success" => Answer(HttpStatusCode.OK, "text/plain", "You sent " + auth),
                "page" => Answer(HttpStatusCode.OK, "application/json", $$"""{"entities":"{{token}}","pageNumber":1}"""),
                "lowercase" => Answer(HttpStatusCode.BadGateway, "text/plain", "authorization: bearer " + token),
                "uppercase" => Answer(HttpStatusCode.BadRequest, "application/json", $$"""{"message":"{{token.ToUpperInvariant()}}","code":"bad"}"""),
                "lowercased" => Answer(HttpStatusCode.BadRequest, "application/json", $$"""{"message":"seen: {{token.ToLowerInvariant()}}","code":"bad"}"""),
                "code" => Answer(HttpStatusCode.BadRequest, "application/json", $$"""{"code":"{{auth}}","message":"bad request","status":400}"""),
                "context" => Answer(HttpStatusCode.BadRequest, "application/json", $$"""{"code":"bad","message":"m","contextId":"{{token}}"}"""),
                "correlation" => WithCorrelation(Answer(HttpStatusCode.BadRequest, "application/json", """{"code":"bad","message":"m"}"""), token),
                "correlation-success" => WithCorrelation(Answer(HttpStatusCode.OK, "text/plain", "not json"), token),
                "permissions" => Answer(HttpStatusCode.Forbidden, "application/json",
                    $$$"""{"code":"missing.permissions","message":"Missing [directory:user:{{{token}}}]","messageWithParams":"Missing {p}","messageParams":{"p":"directory:user:{{{token}}}"}}"""),
                "unauthorized" => Answer(HttpStatusCode.Unauthorized, "application/json", $$"""{"code":"{{token}}","message":"who are you"}"""),
                "page-bearer" => Answer(HttpStatusCode.OK, "application/json", $$"""{"entities":[],"nextUri":"Bearer {{token}}"}"""),
                "page-javascript" => Answer(HttpStatusCode.OK, "application/json", $$"""{"entities":[],"nextUri":"javascript:{{token}}"}"""),
                "page-loop" => Answer(HttpStatusCode.OK, "application/json", $$"""{"entities":[],"nextUri":"/api/v2/echo/page-loop?t={{token}}"}"""),
                "page-dots" => Answer(HttpStatusCode.OK, "application/json", $$"""{"entities":[],"nextUri":"/api/v2/../../oauth/token?t={{token}}"}"""),
                var other => throw new InvalidOperationException(other),
            };
        }

        private static HttpResponseMessage WithCorrelation(HttpResponseMessage response, string id)
        {
            response.Headers.TryAddWithoutValidation("inin-correlation-id", id);
            return response;
        }

        private static HttpResponseMessage Answer(HttpStatusCode status, string mediaType, string body) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.ConfigurationLimitExceeded)]
    public async Task A_transport_failure_that_echoes_the_token_or_secret_leaks_it_nowhere_in_the_chain(HttpRequestError kind)
    {
        var echo = new Echo(kind);
        await using var h = await Harness.StartAsync(client: o =>
        {
            echo.InnerHandler = o.HttpMessageHandler!;
            o.HttpMessageHandler = echo;
            o.Retry.MaxRetries = 0;
        });

        var error = await Outcome.Of(h.AdvanceUntilDoneAsync(h.PatchUserAsync(h.Emulator.Users[0].Id, new UpdateUser { Version = 1 })));

        Assert.IsType<GenesysTransportException>(error);
        Assert.IsType<HttpRequestException>(error!.InnerException);
        var everything = error.ToString();
        Assert.NotNull(echo.Token);
        Assert.DoesNotContain(echo.Token!, everything);
        Assert.DoesNotContain(EmulatorClient.Default.ClientSecret!, everything);
        Assert.Contains("[redacted]", everything);
    }

    private sealed class Echo(HttpRequestError kind) : DelegatingHandler
    {
        public string? Token;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.RequestUri!.AbsolutePath.StartsWith("/api/v2/", StringComparison.Ordinal)) return base.SendAsync(request, cancellationToken);
            Token = request.Headers.Authorization!.Parameter;
            var echoed = new HttpRequestException($"proxy said: {request.Headers.Authorization} {EmulatorClient.Default.ClientSecret}");
            throw new HttpRequestException(kind, $"dropped while sending Bearer {Token}", echoed);
        }
    }
}
