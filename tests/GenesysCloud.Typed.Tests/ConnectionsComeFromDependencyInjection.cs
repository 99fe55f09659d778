using GenesysCloud.Typed.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenesysCloud.Typed.Tests;

/// <summary>AddGenesysCloud registers a connection on the HTTP client factory from configuration, and AddApi&lt;T&gt;
/// adds a generated client without reflection.</summary>
public sealed class ConnectionsComeFromDependencyInjection
{
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
    public async Task Di_adds_the_generated_client_without_reflection()
    {
        await using var emulator = await Testing.GenesysCloudEmulator.StartAsync(new Testing.EmulatorOptions { UserCount = 2 });
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.GenesysCloudServiceCollectionExtensions.AddGenesysCloud(services, o =>
        {
            o.BaseAddress = emulator.BaseAddress;
            o.ClientId = "emulator-client";
            o.ClientSecret = "emulator-secret";
            o.TypeInfoResolver = TestJson.Default;
        }).AddApi<IUsersApi>();
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IUsersApi>(provider);
        Assert.Equal(emulator.Users[1].Name, (await users.GetUserAsync(emulator.Users[1].Id)).Name);
    }
}
