using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>With the authorization-code grant, every rotated refresh token is saved before it is used and concurrent
/// refreshes never present a dead one; a dead refresh token goes to the Reauthorize callback, or ends in
/// RequiresReauthorization after one attempt.</summary>
public sealed class RefreshTokensRotateSafely
{
    private const string Redirect = "http://localhost:9000/callback";

    private sealed class RecordingStore : IRefreshTokenStore
    {
        public readonly List<string> Saved = new();
        public ValueTask<string?> LoadAsync(CancellationToken cancellationToken) => new(Saved.LastOrDefault());
        public ValueTask SaveAsync(string refreshToken, CancellationToken cancellationToken)
        {
            lock (Saved) Saved.Add(refreshToken);
            return ValueTask.CompletedTask;
        }
    }

    private static Action<GenesysCloudOptions> UseCode(GenesysCloudEmulator emulator, RecordingStore store, Func<CancellationToken, ValueTask<AuthorizationCodeGrant?>>? reauthorize = null) =>
        o =>
        {
            o.ClientId = null;
            o.ClientSecret = null;
            o.Credential = new AuthorizationCodeCredential("emulator-client", "emulator-secret")
            {
                Code = new AuthorizationCodeGrant(emulator.CreateAuthorizationCode("emulator-client", Redirect), Redirect),
                RefreshTokenStore = store,
                Reauthorize = reauthorize,
            };
        };

    [Fact]
    public async Task Rotated_refresh_tokens_reach_the_store_and_concurrent_refreshes_never_present_a_dead_one()
    {
        var store = new RecordingStore();
        await using var h = await StartAsync(store, rotate: true);
        var id = h.Emulator.Users[0].Id;

        for (var lifetime = 0; lifetime < 5; lifetime++)
        {
            await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => h.GetUserAsync(id)));
            h.FakeClock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(1, h.Emulator.Ledger.TokenRequests("authorization_code"));
        Assert.Equal(4, h.Emulator.Ledger.TokenRequests("refresh_token"));
        Assert.Equal(0, h.Emulator.Ledger.TokenErrors("invalid_grant"));
        Assert.Equal(5, store.Saved.Distinct().Count());                    // every rotated token was saved
        var saved = store.Saved[^1];
        Assert.Equal(new[] { saved }, ActiveRefreshTokens(h));              // and the last saved is the live one
    }

    [Fact]
    public async Task A_dead_refresh_token_without_a_reauthorize_callback_ends_in_requires_reauthorization()
    {
        var store = new RecordingStore();
        await using var h = await StartAsync(store, rotate: false);
        var id = h.Emulator.Users[0].Id;
        await h.GetUserAsync(id);
        h.Emulator.RevokeAllTokens("emulator-client");

        var error = await Assert.ThrowsAsync<GenesysAuthenticationException>(() => h.GetUserAsync(id));

        Assert.True(error.RequiresReauthorization);
        Assert.Contains("authorize this application again", error.Message);
        Assert.Equal(1, h.Emulator.Ledger.TokenErrors("invalid_grant"));   // one attempt, no loop
        Assert.DoesNotContain(store.Saved[0], error.ToString());
    }

    [Fact]
    public async Task A_dead_refresh_token_is_replaced_through_the_reauthorize_callback()
    {
        var store = new RecordingStore();
        GenesysCloudEmulator? emulator = null;
        var asked = 0;
        await using var h = await StartAsync(store, rotate: true, reauthorize: _ =>
        {
            Interlocked.Increment(ref asked);
            return new(new AuthorizationCodeGrant(emulator!.CreateAuthorizationCode("emulator-client", Redirect), Redirect));
        });
        emulator = h.Emulator;
        var id = h.Emulator.Users[0].Id;
        await h.GetUserAsync(id);
        h.Emulator.RevokeRefreshTokens("emulator-client");
        h.FakeClock.Advance(TimeSpan.FromMinutes(1));      // the access token expires too

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => h.GetUserAsync(id)));

        Assert.Equal(1, asked);
        Assert.Equal(2, h.Emulator.Ledger.TokenRequests("authorization_code"));
        Assert.Equal(2, store.Saved.Count);
    }

    /// <summary>A store whose saves after the first complete only when the test releases them (a slow database).</summary>
    private sealed class GatedStore : IRefreshTokenStore
    {
        private readonly object _gate = new();
        private string? _saved;
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource<string> Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Saves;
        public string? Saved { get { lock (_gate) return _saved; } }
        public ValueTask<string?> LoadAsync(CancellationToken cancellationToken) => new(Saved);
        public async ValueTask SaveAsync(string refreshToken, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref Saves) > 1)
            {
                Started.TrySetResult(refreshToken);
                await Release.Task.WaitAsync(cancellationToken);
            }
            lock (_gate) _saved = refreshToken;
        }
    }

    [Fact]
    public async Task No_request_uses_a_rotated_token_before_a_slow_store_has_saved_it_and_the_next_refresh_presents_the_saved_one()
    {
        var store = new GatedStore();
        GenesysCloudEmulator? emulator = null;
        await using var h = await Harness.StartAsync(
            e => { e.RotateRefreshTokens = true; e.AccessTokenLifetime = TimeSpan.FromMinutes(1); e.RateLimit.Enabled = false; },
            o =>
            {
                o.ClientId = null;
                o.ClientSecret = null;
                o.Credential = new AuthorizationCodeCredential("emulator-client", "emulator-secret")
                {
                    Code = new AuthorizationCodeGrant(emulator!.CreateAuthorizationCode("emulator-client", Redirect), Redirect),
                    RefreshTokenStore = store,
                };
            },
            fakeClock: true,
            beforeClient: e => emulator = e);
        var id = h.Emulator.Users[0].Id;
        await h.GetUserAsync(id);
        var firstAuthorization = h.Tap.To("/api/v2/").Single().Authorization;
        h.FakeClock.Advance(TimeSpan.FromMinutes(1));      // the access token expires: the next calls refresh

        var calls = Enumerable.Range(0, 10).Select(_ => h.GetUserAsync(id)).ToList();
        var rotated = await store.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // While the save is pending, give a product that used the new token anyway every chance to send it.
        await Task.WhenAny(Task.WhenAll(calls), Task.Delay(TimeSpan.FromMilliseconds(500)));

        Assert.Single(h.Tap.To("/api/v2/"));                // nothing sent since the first call
        Assert.All(calls, c => Assert.False(c.IsCompleted));
        Assert.Equal(1, h.Emulator.Ledger.TokenRequests("refresh_token"));
        store.Release.SetResult();
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(rotated, store.Saved);
        Assert.Equal(new[] { rotated }, ActiveRefreshTokens(h));
        var sent = h.Tap.To("/api/v2/").Skip(1).Select(r => r.Authorization).Distinct().ToList();
        Assert.NotEqual(firstAuthorization, Assert.Single(sent));

        // The next refresh presents exactly the token the store saved.
        h.FakeClock.Advance(TimeSpan.FromMinutes(1));
        await h.GetUserAsync(id).WaitAsync(TimeSpan.FromSeconds(30));
        var refresh = h.Tap.To("/oauth/token").Last();
        var form = System.Text.Encoding.UTF8.GetString(refresh.Body!);
        Assert.Contains("grant_type=refresh_token", form);
        Assert.Contains("refresh_token=" + Uri.EscapeDataString(rotated), form);
        Assert.Equal(2, h.Emulator.Ledger.TokenRequests("refresh_token"));
        Assert.Equal(0, h.Emulator.Ledger.TokenErrors("invalid_grant"));
    }

    private static async Task<Harness> StartAsync(RecordingStore store, bool rotate,
        Func<CancellationToken, ValueTask<AuthorizationCodeGrant?>>? reauthorize = null)
    {
        GenesysCloudEmulator? emulator = null;
        var h = await Harness.StartAsync(
            e => { e.RotateRefreshTokens = rotate; e.AccessTokenLifetime = TimeSpan.FromMinutes(1); e.RateLimit.Enabled = false; },
            o => UseCode(emulator!, store, reauthorize)(o),
            fakeClock: true,
            beforeClient: e => emulator = e);
        return h;
    }

    private static IReadOnlyList<string> ActiveRefreshTokens(Harness h) => h.Emulator.ActiveRefreshTokens("emulator-client");
}
