namespace GenesysCloud.Typed.Tests;

/// <summary>No answer is read past MaxResponseBytes, also through an HttpClient the caller supplied: it is our own
/// limit, so the answer is a GenesysTransportException naming it, downloaded once and never asked for again; a limit
/// HttpClient cannot buffer is refused by options validation.</summary>
public sealed class MaxResponseBytesBoundsEveryAnswer
{
    [Fact]
    public async Task An_answer_over_max_response_bytes_is_not_asked_for_again()
    {
        await using var h = await Harness.StartAsync(client: o => o.MaxResponseBytes = 1024);

        var error = await Assert.ThrowsAsync<GenesysTransportException>(async () =>
        {
            await foreach (var _ in h.ListUsers(50)) { }
        });

        Assert.Contains("MaxResponseBytes", error.Message);
        Assert.Single(h.Tap.To("/api/v2/users"));
        Assert.Equal(0, h.Connection.Telemetry.Counters.Retries);
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
