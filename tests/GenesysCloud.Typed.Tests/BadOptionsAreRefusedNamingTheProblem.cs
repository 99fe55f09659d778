using GenesysCloud.Typed.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Typed.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData(GenesysCloudRegion.UsEast1, "https://api.mypurecloud.com/", "https://login.mypurecloud.com/")]
    [InlineData(GenesysCloudRegion.EuWest1, "https://api.mypurecloud.ie/", "https://login.mypurecloud.ie/")]
    [InlineData(GenesysCloudRegion.ApSoutheast2, "https://api.mypurecloud.com.au/", "https://login.mypurecloud.com.au/")]
    [InlineData(GenesysCloudRegion.UsEast2, "https://api.use2.us-gov-pure.cloud/", "https://login.use2.us-gov-pure.cloud/")]
    [InlineData(GenesysCloudRegion.EuscDeEast1, "https://api.edee1.eusc-pure.cloud/", "https://login.edee1.eusc-pure.cloud/")]
    public void Regions_map_to_api_and_login_hosts(GenesysCloudRegion region, string api, string login)
    {
        var options = new GenesysCloudOptions { Region = region };
        Assert.Equal(api, options.ResolveApiBaseAddress().ToString());
        Assert.Equal(login, options.ResolveLoginBaseAddress().ToString());
    }

    [Fact]
    public void All_18_regions_have_distinct_environments_and_parse_from_their_names()
    {
        var regions = Enum.GetValues<GenesysCloudRegion>();
        Assert.Equal(18, regions.Length);
        Assert.Equal(18, regions.Select(r => r.Environment()).Distinct().Count());
        Assert.True(GenesysCloudRegions.TryParse("us_east_1", out var a) && a == GenesysCloudRegion.UsEast1);
        Assert.True(GenesysCloudRegions.TryParse("eu-central-2", out var b) && b == GenesysCloudRegion.EuCentral2);
        Assert.True(GenesysCloudRegions.TryParse("mypurecloud.jp", out var c) && c == GenesysCloudRegion.ApNortheast1);
        Assert.False(GenesysCloudRegions.TryParse("mars_north_1", out _));
    }

    [Fact]
    public void A_gateway_base_address_with_api_prefix_derives_the_login_host()
    {
        var options = new GenesysCloudOptions { BaseAddress = new Uri("https://api.example.org/") };
        Assert.Equal("https://login.example.org/", options.ResolveLoginBaseAddress().ToString());
    }

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
    public async Task Di_registers_a_connection_on_the_http_client_factory_from_configuration()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 3 });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GenesysCloud:BaseAddress"] = emulator.BaseAddress.ToString(),
            ["GenesysCloud:ClientId"] = "emulator-client",
            ["GenesysCloud:ClientSecret"] = "emulator-secret",
            ["GenesysCloud:Retry:MaxRetries"] = "3",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddGenesysCloud(configuration.GetSection("GenesysCloud"), o => o.TypeInfoResolver = TestJson.Default);
        await using var provider = services.BuildServiceProvider();

        var connection = provider.GetRequiredService<GenesysCloudConnection>();
        var user = await connection.SendAsync(new GenesysRequest(HttpMethod.Get, "/api/v2/users/" + emulator.Users[0].Id), TestJson.Default.User);

        Assert.Equal(3, connection.Options.Retry.MaxRetries);
        Assert.Equal(emulator.Users[0].Name, user.Name);
    }

    [Fact]
    public void A_bad_region_in_configuration_names_the_value()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Region"] = "moon_1" }).Build();
        var error = Assert.Throws<ArgumentException>(() => GenesysCloudServiceCollectionExtensions.Bind(configuration, new GenesysCloudOptions()));
        Assert.Contains("moon_1", error.Message);
    }

    [Fact]
    public void Scope_coverage_treats_x_as_covering_x_readonly()
    {
        var read = new GenesysEndpoint("List", "GET", "/api/v2/users", ["users", "users:readonly"]);
        var write = new GenesysEndpoint("Update", "PATCH", "/api/v2/users/{userId}", ["users"]);
        Assert.True(read.IsCoveredBy(["users:readonly"]));
        Assert.True(write.IsCoveredBy(["users"]));
        Assert.False(write.IsCoveredBy(["users:readonly"]));
        Assert.False(Scopes.Covers("user", "users:readonly"));
        Assert.Equal(new[] { write }, Scopes.Uncovered([read, write], ["users:readonly"]));
    }
}
