using System.Net;
using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>A [Head] endpoint goes through the whole pipeline like any read: a token, a replay after a 401, a retry
/// after a 429 or 503, and its answer's status as success or a typed error (there is no body to read).</summary>
public sealed class AHeadIsACallLikeAnyOther
{
    private const string Me = "/api/v2/tokens/me";

    [Fact]
    public async Task A_head_is_sent_as_head_with_the_token_and_succeeds()
    {
        await using var h = await Harness.StartAsync();

        await ITokensApi.Create(h.Connection).CheckTokenAsync();

        var sent = Assert.Single(h.Tap.To(Me));
        Assert.Equal("HEAD", sent.Method);
        Assert.StartsWith("Bearer ", sent.Authorization);
        Assert.Null(sent.Body);
    }

    [Fact]
    public async Task A_head_whose_token_was_revoked_is_replayed_once_with_a_new_one()
    {
        await using var h = await Harness.StartAsync();
        var api = ITokensApi.Create(h.Connection);
        await api.CheckTokenAsync();
        h.Emulator.RevokeAccessTokens(EmulatorClient.Default.ClientId);

        await api.CheckTokenAsync();

        var sent = h.Tap.To(Me).ToList();
        Assert.Equal(3, sent.Count);
        Assert.NotEqual(sent[1].Authorization, sent[2].Authorization);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_head_told_to_wait_is_retried_after_the_wait(int status)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(new ScriptedResponse
        {
            Path = Me, Method = "HEAD", Status = status,
            Headers = new Dictionary<string, string> { ["Retry-After"] = "3" },
        });

        var waited = await h.AdvanceUntilDoneAsync(ITokensApi.Create(h.Connection).CheckTokenAsync(), step: TimeSpan.FromSeconds(1));

        Assert.Equal(2, h.Tap.To(Me).Count());
        Assert.True(waited >= TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_head_answered_404_is_an_api_error_with_the_status_and_correlation_id()
    {
        await using var h = await Harness.StartAsync();

        var error = await Assert.ThrowsAsync<GenesysApiException>(() => ITokensApi.Create(h.Connection).CheckChannelAsync("no-such-channel"));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.False(string.IsNullOrEmpty(error.CorrelationId));
        Assert.Equal("HEAD", Assert.Single(h.Tap.To("/api/v2/notifications/")).Method);
    }
}
