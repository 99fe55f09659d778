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
