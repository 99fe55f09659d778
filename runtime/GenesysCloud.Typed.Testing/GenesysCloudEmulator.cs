using System.Net;
using GenesysCloud.Typed.Testing.Api;
using GenesysCloud.Typed.Testing.Json;
using GenesysCloud.Typed.Testing.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Typed.Testing;

/// <summary>A Genesys Cloud org on loopback: <see cref="BaseAddress"/> serves both <c>/oauth/token</c> and
/// <c>/api/v2/…</c>, with token expiry, 401s, 429s, 5xx, dropped connections, paging and version conflicts.</summary>
/// <example><code>
/// await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 1234 });
/// // emulator.BaseAddress, EmulatorClient.Default.ClientId / ClientSecret
/// </code></example>
public sealed class GenesysCloudEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;

    private GenesysCloudEmulator(WebApplication app, EmulatorState state, Uri baseAddress)
    {
        _app = app;
        _state = state;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:port/ — both the login and the API host.</summary>
    public Uri BaseAddress { get; }

    public EmulatorOptions Options => _state.Options;

    public EmulatorLedger Ledger => _state.Ledger;

    /// <summary>The org's users, in list order (name, then id).</summary>
    public IReadOnlyList<EmulatedUser> Users => _state.Users.All();

    public EmulatedUser? FindUser(string userId) => _state.Users.Find(userId);

    /// <summary>While true, every API request answers 401 <c>ip.not.authorized</c>.</summary>
    public bool BlockIp
    {
        get => _state.IpBlocked;
        set => _state.IpBlocked = value;
    }

    public static async Task<GenesysCloudEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        options.Validate();
        var state = new EmulatorState(options);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        Configure(app, state);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GenesysCloudEmulator(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    private static void Configure(WebApplication app, EmulatorState state)
    {
        var gate = new ApiGate(state);
        app.Use(async (context, next) =>
        {
            var correlationId = Guid.NewGuid().ToString();
            context.Items[ApiErrors.CorrelationHeader] = correlationId;
            context.Response.Headers[ApiErrors.CorrelationHeader] = correlationId;
            var path = context.Request.Path.Value ?? "";
            if (!path.StartsWith("/emulator/", StringComparison.Ordinal)) await RecordReceivedAsync(context, state);
            if (!path.StartsWith("/emulator/", StringComparison.Ordinal) && state.Script.Take(context.Request.Method, path) is { } scripted)
            {
                await ServeScriptedAsync(context, state, scripted);
                return;
            }
            await next(context);
        });
        app.UseRouting();
        app.UseWhen(context => IsApi(context) || (state.Options.Faults.IncludeTokenEndpoint && IsTokenEndpoint(context)),
            branch => branch.Use(gate.InvokeAsync));

        app.MapPost("/oauth/token", (Delegate)((HttpContext context) => TokenEndpoint.TokenAsync(context, state)));
        app.MapGet("/oauth/authorize", (HttpContext context) => TokenEndpoint.Authorize(context, state));
        UsersEndpoints.Map(app, state);
        UserSearchEndpoint.Map(app, state);
        AnalyticsEndpoints.Map(app, state);
        TokensEndpoints.Map(app);
        app.Map("/api/v2/{**rest}", (HttpContext context) =>
            ApiErrors.Result(404, "not.found", $"No resource at {context.Request.Method} {context.Request.Path}."));
        app.MapGet("/emulator/stats", () => TypedResults.Json(state.Ledger.Snapshot(), EmulatorJson.Default.LedgerSnapshot));
        // Emulator-only: lets a client of an emulator host cover every conversation, as one embedding the emulator can.
        app.MapGet("/emulator/info", () =>
        {
            var (start, end) = state.Analytics.Span;
            return TypedResults.Json(new EmulatorInfo(state.Users.Count, state.Analytics.Conversations.Count, start, end), EmulatorJson.Default.EmulatorInfo);
        });
    }

    private static async Task RecordReceivedAsync(HttpContext context, EmulatorState state)
    {
        var request = context.Request;
        string? body = null;
        if (request.Path.StartsWithSegments("/api/v2", StringComparison.Ordinal) && request.ContentLength is > 0 and < 64 * 1024)
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            body = await reader.ReadToEndAsync(context.RequestAborted);
            request.Body.Position = 0;
        }
        var headers = request.Headers
            .Where(h => !string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        // The raw target is what crossed the wire, before ASP.NET Core decodes the path.
        var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        state.Ledger.RecordReceived(new ReceivedRequest(request.Method, string.IsNullOrEmpty(target) ? request.Path + request.QueryString : target, headers, body));
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api/v2", StringComparison.Ordinal);

    private static bool IsTokenEndpoint(HttpContext context) => context.Request.Path.Equals("/oauth/token", StringComparison.Ordinal);

    private static async Task ServeScriptedAsync(HttpContext context, EmulatorState state, ScriptedResponse scripted)
    {
        state.Ledger.RecordFault("scripted");
        if (scripted.DropConnection)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = scripted.Status;
        foreach (var (name, value) in scripted.Headers) context.Response.Headers[name] = value;
        if (scripted.Body.Length > 0)
        {
            context.Response.ContentType = scripted.ContentType;
            await context.Response.WriteAsync(scripted.Body, context.RequestAborted);
        }
    }

    /// <summary>Serves <paramref name="response"/> to the next matching request(s) instead of the emulator's own answer.</summary>
    public void Enqueue(ScriptedResponse response) => _state.Script.Add(response);

    public void ClearScript() => _state.Script.Clear();

    /// <summary>Issues an authorization code as if the user had signed in and consented (what <c>/oauth/authorize</c> redirects with).</summary>
    public string CreateAuthorizationCode(string clientId, string redirectUri, IEnumerable<string>? scopes = null, string? codeChallenge = null)
    {
        var client = _state.FindClient(clientId) ?? throw new ArgumentException($"No emulator client '{clientId}'.", nameof(clientId));
        var granted = scopes is null ? client.Scopes : TokenEndpoint.RequestedScopes(client, string.Join(' ', scopes));
        return _state.Tokens.IssueCode(client, redirectUri, granted, codeChallenge).Value;
    }

    /// <summary>Revokes one access token; the next request with it answers 401 <c>bad.credentials</c>.</summary>
    public bool RevokeAccessToken(string accessToken) => _state.Tokens.RevokeAccessToken(accessToken);

    /// <summary>Revokes every access and refresh token of a client (a logout or a password change).</summary>
    public int RevokeAllTokens(string clientId) => _state.Tokens.RevokeClient(clientId);

    public bool RevokeRefreshToken(string refreshToken) => _state.Tokens.RevokeRefreshToken(refreshToken);

    /// <summary>The refresh tokens of a client that the emulator still accepts (for assertions).</summary>
    public IReadOnlyList<string> ActiveRefreshTokens(string clientId) => _state.Tokens.ActiveRefreshTokens(clientId);

    /// <summary>Revokes every live refresh token of a client, leaving its access tokens valid.</summary>
    public int RevokeRefreshTokens(string clientId)
    {
        var tokens = _state.Tokens.ActiveRefreshTokens(clientId);
        foreach (var token in tokens) _state.Tokens.RevokeRefreshToken(token);
        return tokens.Count;
    }

    /// <summary>Revokes every live access token of a client, leaving its refresh tokens valid.</summary>
    public int RevokeAccessTokens(string clientId)
    {
        var tokens = _state.Tokens.ActiveAccessTokens(clientId);
        foreach (var token in tokens) _state.Tokens.RevokeAccessToken(token);
        return tokens.Count;
    }

    /// <summary>The next <paramref name="count"/> submitted analytics jobs end FAILED with <paramref name="reason"/> as their
    /// errorMessage (once they would have been FULFILLED), whatever <see cref="EmulatorOptions.AnalyticsJobFailureRate"/> says.</summary>
    public void FailNextJobs(int count, string reason = "The query could not be completed: an internal error occurred while processing the job.")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        _state.Analytics.FailNext(count, reason);
    }

    /// <summary>Expires an analytics job now: its status answers EXPIRED and its results 404. False for an unknown job.</summary>
    public bool ExpireJob(string jobId) => _state.Analytics.Expire(jobId);

    /// <summary>Cancels an analytics job on the server side (as an administrator would): its status answers CANCELLED and
    /// its results 400. False for an unknown job. (A client's DELETE removes the job instead.)</summary>
    public bool CancelJob(string jobId) => _state.Analytics.Cancel(jobId);

    /// <summary>The state a job's status would answer now (without counting a poll); null for an unknown or deleted job.</summary>
    public string? JobState(string jobId) => _state.Analytics.Find(jobId) is { } job ? _state.Analytics.StateOf(job) : null;

    /// <summary>An interval that holds every conversation of the org: [first conversationStart, just after the last).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) ConversationSpan => _state.Analytics.Span;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    public override string ToString() => $"Genesys Cloud emulator at {BaseAddress}";
}
