using GenesysCloud.Typed.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>IHttpClientFactory's loggers put raw request headers (the bearer token) into their structured state; the
/// connection's named client must not log through them, and nothing else may print a token either.</summary>
public sealed class HttpClientFactoryLogsNeverCarryTheToken
{
    private sealed class AuthorizationRecorder : DelegatingHandler
    {
        public readonly System.Collections.Concurrent.ConcurrentBag<string> Seen = new();
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Authorization is { } auth) Seen.Add(auth.Parameter!);
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task Trace_logging_of_the_http_client_factory_never_prints_the_bearer_token()
    {
        var (records, tokens) = await CallAsync(defaultLoggers: false, _ => { });
        var text = string.Join("\n", records.Select(r => r.Message + " " + string.Join(";", r.StructuredState?.Select(kv => kv.Key + "=" + kv.Value) ?? [])));
        Assert.DoesNotContain(records, r => r.Category?.StartsWith("System.Net.Http.HttpClient.GenesysCloud") == true);
        Assert.Contains(records, r => r.Category == "GenesysCloud.Typed" && r.Message.Contains("answered 200"));   // our own request log
        foreach (var token in tokens)
        {
            var leaking = records.FirstOrDefault(r => (r.Message + string.Join(";", r.StructuredState?.Select(kv => kv.Key + "=" + kv.Value) ?? [])).Contains(token));
            Assert.True(leaking is null, $"token in {leaking?.Category} / {leaking?.Id}: {leaking?.Message}");
        }
        Assert.DoesNotContain("emulator-secret", text);
        Assert.DoesNotContain(Convert.ToBase64String("emulator-client:emulator-secret"u8.ToArray()), text);
    }

    private static readonly string[] FactoryCategories =
        [.. new[] { "LogicalHandler", "ClientHandler" }.Select(h => $"System.Net.Http.HttpClient.{GenesysCloudServiceCollectionExtensions.HttpClientName}.{h}")];

    /// <summary>A connection from AddGenesysCloud logging at Trace (its named client with the factory's default loggers
    /// added back by the user when <paramref name="defaultLoggers"/>), called across a token revocation; returns the
    /// records and the tokens that went out (at least two).</summary>
    private static async Task<(IReadOnlyList<FakeLogRecord> Records, IReadOnlyList<string> Tokens)> CallAsync(bool defaultLoggers, Action<ILoggingBuilder> logging)
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 3 });
        var logs = new FakeLoggerProvider();
        var recorder = new AuthorizationRecorder();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddGenesysCloud(o =>
        {
            o.BaseAddress = emulator.BaseAddress;
            o.ClientId = "emulator-client";
            o.ClientSecret = "emulator-secret";
            o.TypeInfoResolver = TestJson.Default;
        });
        var client = services.AddHttpClient(GenesysCloudServiceCollectionExtensions.HttpClientName);
        if (defaultLoggers) client.AddDefaultLogger();
        client.AddHttpMessageHandler(() => recorder);
        services.AddLogging(logging);
        await using var provider = services.BuildServiceProvider();
        var connection = provider.GetRequiredService<GenesysCloudConnection>();

        for (var i = 0; i < 3; i++)
            await connection.SendAsync(new GenesysRequest(HttpMethod.Get, "/api/v2/users/" + emulator.Users[i].Id), TestJson.Default.User);
        emulator.RevokeAccessTokens("emulator-client");
        await connection.SendAsync(new GenesysRequest(HttpMethod.Get, "/api/v2/users/" + emulator.Users[0].Id), TestJson.Default.User);

        var tokens = recorder.Seen.Distinct().ToList();
        Assert.True(tokens.Count >= 2, "two tokens should have been used");
        return (logs.Collector.GetSnapshot(), tokens);
    }

    [Fact]
    public async Task Default_loggers_added_back_log_each_request_but_never_the_token_even_in_structured_state()
    {
        var (records, tokens) = await CallAsync(defaultLoggers: true, _ => { });

        Assert.Contains(records, r => FactoryCategories.Contains(r.Category) && r.Message.Contains("Sending HTTP request"));
        foreach (var token in tokens)
        {
            var leaking = records.FirstOrDefault(r => Rendered(r).Contains(token));
            Assert.True(leaking is null, $"token in {leaking?.Category} / {leaking?.Id}");
        }
        var text = string.Join("\n", records.Select(Rendered));
        Assert.DoesNotContain("emulator-secret", text);
        Assert.DoesNotContain(Convert.ToBase64String("emulator-client:emulator-secret"u8.ToArray()), text);
    }

    [Fact]
    public async Task Header_lines_let_through_explicitly_log_authorization_redacted()
    {
        // A user who lifts the runtime's filter gets the factory's header lines, Authorization redacted in the message
        // (their structured state is Microsoft.Extensions.Http's: docs/reliability.md says what it holds).
        var (records, tokens) = await CallAsync(defaultLoggers: true, b =>
        {
            foreach (var category in FactoryCategories) b.AddFilter(category, LogLevel.Trace);
        });

        var headerLines = records.Where(r => FactoryCategories.Contains(r.Category) && r.Message.Contains("Authorization")).ToList();
        Assert.NotEmpty(headerLines);
        Assert.All(headerLines, r => Assert.Contains("Authorization: *", r.Message));
        foreach (var token in tokens) Assert.DoesNotContain(records, r => r.Message.Contains(token));
    }

    /// <summary>The message and every structured value as a structured provider would write it: enumerable values
    /// (header value lists) item by item.</summary>
    private static string Rendered(FakeLogRecord record) =>
        record.Message + " " + string.Join(";", record.StructuredState?.Select(kv => kv.Key + "=" + kv.Value) ?? []) + " " +
        string.Join(";", (record.State as IEnumerable<KeyValuePair<string, object?>>)?.Select(kv => kv.Key + "=" + Flatten(kv.Value)) ?? []);

    private static string Flatten(object? value) =>
        value is System.Collections.IEnumerable items and not string ? string.Join(",", items.Cast<object?>().Select(Flatten)) : value?.ToString() ?? "";
}
