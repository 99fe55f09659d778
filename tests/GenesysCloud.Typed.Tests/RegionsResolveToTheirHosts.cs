using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Typed.Tests;

/// <summary>Each of the 18 regions resolves to its own API and login hosts and parses from its names; a gateway base
/// address derives its login host; a region that is no region is refused naming the value.</summary>
public sealed class RegionsResolveToTheirHosts
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

    [Fact]
    public void A_bad_region_in_configuration_names_the_value()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Region"] = "moon_1" }).Build();
        var error = Assert.Throws<ArgumentException>(() => GenesysCloudServiceCollectionExtensions.Bind(configuration, new GenesysCloudOptions()));
        Assert.Contains("moon_1", error.Message);
    }
}
