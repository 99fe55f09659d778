using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using GenesysCloud.Typed.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using StackExchange.Redis;

namespace GenesysCloud.Typed.Redis.Tests;

/// <summary>The fleet's metrics go through the host's <see cref="IMeterFactory"/>, like the core runtime's: a host's
/// collector sees its own fleet's outages and no other container's.</summary>
public sealed class FleetMetricsGoThroughTheHostsMeterFactory
{
    private const string Away = "127.0.0.1:1,abortConnect=false,connectTimeout=500,asyncTimeout=500,syncTimeout=500";

    [Fact]
    public async Task An_outage_is_counted_on_the_meter_factory_the_fleet_was_given_and_nowhere_else()
    {
        using var mine = new TestMeterFactory();
        using var other = new TestMeterFactory();
        using var outages = new MetricCollector<long>(mine, RedisTelemetry.MeterName, "genesys.redis.outages");
        using var degraded = new MetricCollector<long>(mine, RedisTelemetry.MeterName, "genesys.redis.degraded");
        using var elsewhere = new MetricCollector<long>(other, RedisTelemetry.MeterName, "genesys.redis.outages");
        await using var away = await ConnectionMultiplexer.ConnectAsync(Away);
        var fleet = new GenesysCloudOptions { ClientId = "c", ClientSecret = "s" }
            .UseRedisFleet(away, new GenesysRedisOptions { EncryptionKey = RandomNumberGenerator.GetBytes(32) }, mine);

        Assert.False(await fleet.VerifyAsync());

        Assert.Equal(1, fleet.Outages);
        Assert.Equal(1, Assert.Single(outages.GetMeasurementSnapshot()).Value);
        Assert.Equal(1, degraded.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Empty(elsewhere.GetMeasurementSnapshot());
        Assert.Contains(mine.Created, m => m.Name == RedisTelemetry.MeterName);
    }

    [Fact]
    public async Task AddRedisFleet_records_through_the_containers_meter_factory()
    {
        await using var emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions { UserCount = 2 });
        using var factory = new TestMeterFactory();
        using var fallbacks = new MetricCollector<long>(factory, RedisTelemetry.MeterName, "genesys.redis.fallbacks");
        using var outages = new MetricCollector<long>(factory, RedisTelemetry.MeterName, "genesys.redis.outages");
        var services = new ServiceCollection();
        services.AddSingleton<IMeterFactory>(factory);
        services.AddSingleton<IConnectionMultiplexer>(await ConnectionMultiplexer.ConnectAsync(Away));
        services.AddGenesysCloud(o =>
        {
            o.BaseAddress = emulator.BaseAddress;
            o.ClientId = EmulatorClient.Default.ClientId;
            o.ClientSecret = EmulatorClient.Default.ClientSecret;
        }).AddRedisFleet(f => f.EncryptionKey = RandomNumberGenerator.GetBytes(32));
        await using var provider = services.BuildServiceProvider();
        var connection = provider.GetRequiredService<GenesysCloudConnection>();

        using var response = await connection.SendRawAsync(new GenesysRequest(HttpMethod.Get, "/api/v2/users/" + emulator.Users[0].Id));

        Assert.True(response.IsSuccessStatusCode);   // alone, with its own token
        Assert.Equal(1, outages.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.True(fallbacks.GetMeasurementSnapshot().Sum(m => m.Value) >= 1);
    }

    /// <summary>Meters scoped to this factory, as a host's own factory makes them.</summary>
    private sealed class TestMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
            lock (Created) Created.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            lock (Created) foreach (var meter in Created) meter.Dispose();
        }
    }
}
