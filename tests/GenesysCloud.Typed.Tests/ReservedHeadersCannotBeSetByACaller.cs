namespace GenesysCloud.Typed.Tests;

/// <summary>The headers the client sets itself (the token, the host, the body's type and length, the connection's
/// framing) cannot be added by a caller: refused where they are set, naming the header, so a caller's value can never
/// sit beside or replace the access token.</summary>
public sealed class ReservedHeadersCannotBeSetByACaller
{
    public static TheoryData<string> ReservedInEveryCase()
    {
        var data = new TheoryData<string>();
        foreach (var name in Shared.ReservedHeaderNames.InEveryCase()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ReservedInEveryCase))]
    public void A_header_the_client_sets_itself_is_refused_where_it_is_added(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new GenesysRequest(HttpMethod.Get, "/api/v2/users")
        {
            Headers = [new KeyValuePair<string, string>(name, "Bearer someone-elses-token")],
        });

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("someone-elses-token", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Correlation-Tag")]
    [InlineData("If-Match")]
    [InlineData("Accept-Language")]
    [InlineData("X-Authorization")]
    [InlineData("Authorization-Hint")]
    public async Task Other_headers_are_accepted_and_the_call_carries_the_clients_token(string name)
    {
        await using var h = await Harness.StartAsync();
        var request = new GenesysRequest(HttpMethod.Get, "/api/v2/users/" + h.Emulator.Users[0].Id, "/api/v2/users/{userId}")
        {
            Headers = [new KeyValuePair<string, string>(name, "v1")],
        };

        using var response = await h.Connection.SendRawAsync(request);

        Assert.True(response.IsSuccessStatusCode);
        var sent = Assert.Single(h.Tap.To("/api/v2/users/"));
        Assert.StartsWith("Bearer ", sent.Authorization, StringComparison.Ordinal);
    }
}
