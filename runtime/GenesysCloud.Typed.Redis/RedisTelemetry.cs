using System.Diagnostics.Metrics;

namespace GenesysCloud.Typed.Redis;

/// <summary>The fleet's metrics (meter <c>GenesysCloud.Typed.Redis</c>), created through the host's
/// <see cref="IMeterFactory"/> like the core runtime's, so they are scoped to its container and seen by its collectors;
/// without one, a process-wide meter.</summary>
internal sealed class RedisTelemetry
{
    public const string MeterName = "GenesysCloud.Typed.Redis";

    public static readonly RedisTelemetry Shared = new(new Meter(MeterName));

    private RedisTelemetry(Meter meter)
    {
        Outages = meter.CreateCounter<long>("genesys.redis.outages", "{outage}", "Times a process lost Redis and started working alone");
        Degraded = meter.CreateUpDownCounter<long>("genesys.redis.degraded", "{process}", "Processes working alone because Redis is unreachable");
        Fallbacks = meter.CreateCounter<long>("genesys.redis.fallbacks", "{operation}",
            "Token fetches and budget turns done alone while Redis was unreachable");
    }

    /// <summary>Through <paramref name="meterFactory"/> when there is one (it caches the meter: one per container).</summary>
    public static RedisTelemetry For(IMeterFactory? meterFactory) => meterFactory is null ? Shared : new(meterFactory.Create(MeterName));

    public Counter<long> Outages { get; }

    public UpDownCounter<long> Degraded { get; }

    public Counter<long> Fallbacks { get; }
}
