using System.Text.Json;
using GenesysCloud.Typed.Testing;

namespace GenesysCloud.Typed.Tests;

/// <summary>A next link or a continuation token is followed only inside the listing's API on the configured host (a
/// same-host absolute link is), never to another host, scheme or path, and never back to a page already asked for:
/// GenesysPagingException before anything, or the token, is sent there.</summary>
public sealed class NextLinksStayInTheirListing
{
    [Fact]
    public async Task A_next_uri_that_loops_stops_with_a_paging_exception()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Page("/api/v2/users?pageSize=2&pageNumber=2"));
        h.Emulator.Enqueue(Page("/api/v2/users?pageSize=2&pageNumber=1"));
        h.Emulator.Enqueue(Page("/api/v2/users?pageSize=2&pageNumber=2"));

        var error = await Assert.ThrowsAsync<GenesysPagingException>(async () =>
        {
            await foreach (var _ in h.Connection.Paginate(new GenesysRequest(HttpMethod.Get, "/api/v2/users?pageSize=2&pageNumber=1"), TestJson.Default.User)) { }
        });

        Assert.Contains("repeats an earlier page", error.Message);
        Assert.Equal(2, h.Tap.To("/api/v2/users").Count());
    }

    [Theory]
    [InlineData("https://evil.example.com/api/v2/users?pageNumber=2", "evil.example.com")]
    [InlineData("//evil.example.com/api/v2/users?pageNumber=2", "not a URI this client can follow")]
    [InlineData("ftp://127.0.0.1/api/v2/users", "not a URI this client can follow")]
    [InlineData("ht tp://nope", "not a URI")]
    [InlineData("/api/v2/../../oauth/token", "leaves the listing's API")]
    [InlineData("/api/v2/users/%2e%2e/%2E%2E/../oauth/token", "leaves the listing's API")]
    [InlineData("/api/v2/users/./x?pageNumber=2", "leaves the listing's API")]
    [InlineData("/oauth/token?pageNumber=2", "leaves the listing's API")]
    [InlineData("/api/v2users?pageNumber=2", "leaves the listing's API")]
    [InlineData("/api/v3/users?pageNumber=2", "leaves the listing's API")]
    [InlineData("/api?pageNumber=2", "leaves the listing's API")]
    [InlineData("/api/v2/users?pageNumber=2#again", "a fragment")]
    [InlineData("/\\evil.example.com/api/v2/users", "leaves the listing's API")]
    [InlineData("..\\..\\oauth\\token", "leaves the listing's API")]
    public async Task A_next_uri_to_another_host_scheme_or_no_uri_at_all_stops_before_sending_anything(string nextUri, string mention)
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Page(nextUri));

        var error = await Assert.ThrowsAsync<GenesysPagingException>(async () =>
        {
            await foreach (var _ in h.ListUsers(2)) { }
        });

        Assert.Contains(mention, error.Message);
        Assert.All(h.Tap.Requests, r => Assert.Equal(h.Emulator.BaseAddress.Authority, r.Uri.Authority));
        Assert.Single(h.Tap.To("/api/v2/users"));
    }

    [Theory]
    [InlineData("/api/v2/users?pageSize=2&pageNumber=2#x", "a fragment")]
    [InlineData("/api/v2/users?pageSize=2&pageNumber=<lone surrogate>", "no UTF-8 form")]
    [InlineData("/api/v2users?pageNumber=2", "leaves the listing's API")]
    [InlineData("/api/v2/../../oauth/token", "leaves the listing's API")]
    public async Task A_tampered_continuation_token_is_refused_before_sending(string token, string mention)
    {
        await using var h = await Harness.StartAsync();
        token = token.Replace("<lone surrogate>", "\ud800");   // attribute strings cannot carry one

        var error = await Assert.ThrowsAsync<GenesysPagingException>(async () =>
        {
            await foreach (var _ in h.ListUsers(2).AsPages(token)) { }
        });

        Assert.Contains(mention, error.Message);
        Assert.Empty(h.Tap.To("/api/"));
    }

    [Fact]
    public async Task A_next_uri_with_another_scheme_on_the_same_host_is_refused()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(Page($"https://{h.Emulator.BaseAddress.Authority}/api/v2/users?pageNumber=2"));
        var error = await Assert.ThrowsAsync<GenesysPagingException>(async () => { await foreach (var _ in h.ListUsers(2)) { } });
        Assert.Contains("no token was sent there", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(443)]
    [InlineData(80)]
    public async Task A_next_uri_on_the_same_host_and_scheme_but_another_port_is_refused_before_sending(int portOrOffset)
    {
        // Only the port differs (same scheme, same host): another service on the machine must never receive the token.
        await using var h = await Harness.StartAsync();
        var api = h.Emulator.BaseAddress;
        var port = portOrOffset is 1 or -1 ? api.Port + portOrOffset : portOrOffset;
        h.Emulator.Enqueue(Page($"{api.Scheme}://{api.Host}:{port}/api/v2/users?pageNumber=2"));

        var error = await Assert.ThrowsAsync<GenesysPagingException>(async () => { await foreach (var _ in h.ListUsers(2)) { } });

        Assert.Contains("no token was sent there", error.Message);
        Assert.Single(h.Tap.To("/api/v2/users"));
    }

    [Fact]
    public async Task A_same_host_absolute_next_uri_is_followed()
    {
        await using var h = await Harness.StartAsync(e => e.UserCount = 5);
        h.Emulator.Enqueue(Page($"{h.Emulator.BaseAddress}api/v2/users?pageSize=2&pageNumber=2&state=any"));
        var ids = new List<string>();
        await foreach (var user in h.ListUsers(2, "&state=any")) ids.Add(user.Id);
        // The scripted first page is empty; the absolute link leads to the real pages 2 and 3.
        Assert.Equal(h.Emulator.Users.Skip(2).Select(u => u.Id), ids);
    }

    private static ScriptedResponse Page(string nextUri) => new()
    {
        Method = "GET",
        Path = "/api/v2/users",
        Body = JsonSerializer.Serialize(new { entities = Array.Empty<object>(), pageSize = 2, pageNumber = 1, pageCount = 9, nextUri }),
    };
}
