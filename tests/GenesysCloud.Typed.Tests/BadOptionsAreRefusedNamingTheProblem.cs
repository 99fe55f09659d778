namespace GenesysCloud.Typed.Tests;

/// <summary>Options that cannot work are refused when the connection is made, with every problem named: plain http for
/// any host but loopback, a missing region or secret, a timeout beyond a day, a null pipeline stage.</summary>
public sealed class BadOptionsAreRefusedNamingTheProblem
{
    [Theory]
    [InlineData("http://api.example.org/", "plain http")]
    [InlineData(null, "Region")]
    public void Invalid_options_are_refused_with_every_problem_named(string? baseAddress, string mention)
    {
        var options = new GenesysCloudOptions { BaseAddress = baseAddress is null ? null : new Uri(baseAddress), ClientId = "id" };
        var error = Assert.Throws<ArgumentException>(() => new GenesysCloudConnection(options));
        Assert.Contains(mention, error.Message);
        Assert.Contains("ClientSecret is empty", error.Message);
    }

    [Fact]
    public void A_timeout_beyond_a_day_is_refused_clearly()
    {
        var options = new GenesysCloudOptions { Region = GenesysCloudRegion.UsEast1, ClientId = "a", ClientSecret = "b", Timeout = TimeSpan.FromDays(2) };
        var error = Assert.Throws<ArgumentException>(() => new GenesysCloudConnection(options));
        Assert.Contains("Timeout must be more than zero and at most 24 hours", error.Message);
    }

    [Fact]
    public void Plain_http_is_allowed_for_loopback()
    {
        using var connection = new GenesysCloudConnection(new GenesysCloudOptions { BaseAddress = new Uri("http://127.0.0.1:5000/"), ClientId = "a", ClientSecret = "b" });
        Assert.Equal("http://127.0.0.1:5000/", connection.ApiBaseAddress.ToString());
    }

    [Fact]
    public void A_null_stage_is_refused_when_the_options_are_checked()
    {
        var options = new GenesysCloudOptions { BaseAddress = new Uri("http://localhost:1"), ClientId = "c", ClientSecret = "s" };
        options.PipelineStages.Add(null!);

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("PipelineStages[0] is null", error.Message);
    }
}
