using GenesysCloud.Typed.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace GenesysCloud.Typed.Redis
{
    /// <summary>A connection's membership of a fleet: what it shares and whether Redis is reachable right now.</summary>
    public sealed class GenesysRedisFleet
    {
        // Writes and reads back a short-lived key under the prefix, in a script: what every fleet operation needs.
        private static readonly LuaScript Probe = LuaScript.Prepare(
            "redis.call('SET', @key, @value, 'PX', 10000) return redis.call('GET', @key)");

        private readonly IConnectionMultiplexer _redis;
        private readonly GenesysRedisOptions _options;

        internal GenesysRedisFleet(IConnectionMultiplexer redis, GenesysRedisOptions options, RedisFleetHealth health, RedisTokenCache tokens)
        {
            _redis = redis;
            _options = options;
            Health = health;
            Tokens = tokens;
        }

        internal RedisFleetHealth Health { get; }
        internal RedisTokenCache Tokens { get; }
        internal RedisRequestBudget? Budget { get; set; }

        /// <summary>The first refusal this process's fleet coordination met — wrong credentials (also found on a reconnect),
        /// an ACL, a read-only replica — or null. A refusal is a configuration error, not an outage: whatever else talks to
        /// the same Redis for the fleet can stop at once instead of waiting for it.</summary>
        public GenesysRedisConfigurationException? Refusal => Health.Refusal;

        /// <summary>True while this process works alone because Redis is unreachable.</summary>
        public bool IsDegraded => Health.IsDegraded;

        /// <summary>How many times this process lost Redis.</summary>
        public long Outages => Health.Outages;

        /// <summary>Token fetches and budget turns this process did alone while Redis was away.</summary>
        public long Fallbacks => Health.Fallbacks;

        /// <summary>Tokens this process fetched from the login host for the fleet.</summary>
        public long TokenFetchesForFleet => Tokens.FleetFetches;

        /// <summary>Tokens this process took from Redis instead of the login host.</summary>
        public long SharedTokenReads => Tokens.SharedReads;

        /// <summary>A short public id of the encryption key (a one-way derivation, safe to log and store): processes of one
        /// fleet must show the same one.</summary>
        public string KeyId => Tokens.KeyId;

        /// <summary>True once this process found the shared token written with another encryption key. It then keeps to its
        /// own token (one login per lifetime) and never overwrites the fleet's; the mismatch is logged once as an error.</summary>
        public bool KeyMismatch => Tokens.KeyMismatch;

        /// <summary>Checks at start-up that Redis serves the fleet: authentication, ACL permissions (the fleet's keys and
        /// scripts), the database, a writable primary. Throws <see cref="GenesysRedisConfigurationException"/> naming the
        /// cause (never the password) when Redis refuses; answers false when Redis is unreachable (an outage: the process
        /// works alone until it returns), true when all is well.</summary>
        public async Task<bool> VerifyAsync(CancellationToken cancellationToken = default)
        {
            var value = Guid.NewGuid().ToString("N");
            try
            {
                var echoed = await _redis.GetDatabase().ScriptEvaluateAsync(Probe,
                    new { key = (RedisKey)new RedisKeys(_options.KeyPrefix).Probe, value = (RedisValue)value }).WaitAsync(cancellationToken).ConfigureAwait(false);
                if ((string?)echoed != value)
                    throw new GenesysRedisConfigurationException(GenesysRedisRefusal.Other, "Redis did not give back what the start-up check wrote: check the connection string.");
                Health.Succeeded();
                return true;
            }
            catch (Exception ex) when (Health.IsOutage(ex))
            {
                Health.Failed("start-up check", ex);
                return false;
            }
            catch (Exception ex) when (Health.Refused("the start-up check", ex) is { } refused)
            {
                throw refused;
            }
        }

        /// <summary>Live processes sharing the budget, as last seen.</summary>
        public int FleetSize => Budget?.FleetSize ?? 0;

        public override string ToString() => $"GenesysRedisFleet(degraded {IsDegraded}, size {FleetSize})";
    }
}

namespace GenesysCloud.Typed
{
    public static class GenesysRedisFleetExtensions
    {
        /// <summary>Joins a fleet on Redis: the access token is shared by every process using this OAuth client (one fetch
        /// per lifetime for the whole fleet, encrypted at rest), and <see cref="GenesysCloudOptions.Pacing"/>'s rate becomes
        /// the budget of the whole fleet rather than of this process. Call once per options, before creating the connection.</summary>
        public static GenesysRedisFleet UseRedisFleet(this GenesysCloudOptions options, IConnectionMultiplexer redis, GenesysRedisOptions fleet) =>
            options.UseRedisFleet(redis, fleet, meterFactory: null);

        /// <summary>As <see cref="UseRedisFleet(GenesysCloudOptions, IConnectionMultiplexer, GenesysRedisOptions)"/>, recording the
        /// fleet's metrics (meter <c>GenesysCloud.Typed.Redis</c>) through <paramref name="meterFactory"/>, as the connection does
        /// its own; null: a process-wide meter.</summary>
        public static GenesysRedisFleet UseRedisFleet(this GenesysCloudOptions options, IConnectionMultiplexer redis, GenesysRedisOptions fleet,
            System.Diagnostics.Metrics.IMeterFactory? meterFactory)
        {
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(redis);
            ArgumentNullException.ThrowIfNull(fleet);
            fleet.Validate();
            ILogger? logger = null;
            ILogger Logger() => logger ??= (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("GenesysCloud.Typed.Redis");
            var health = new RedisFleetHealth(fleet, options.TimeProvider, Logger, RedisTelemetry.For(meterFactory));
            var tokens = new RedisTokenCache(redis, fleet, health, options.TimeProvider, Logger);
            var handle = new GenesysRedisFleet(redis, fleet, health, tokens);
            options.TokenCache = tokens;
            options.RequestBudgetFactory = (pacing, time) =>
            {
                if (pacing.RequestsPerMinute is null) return null;
                var clientId = options.ClientId ?? (options.Credential as AuthorizationCodeCredential)?.ClientId
                    ?? throw new InvalidOperationException("A fleet budget is per OAuth client: set ClientId (or an AuthorizationCodeCredential).");
                var key = RedisKeys.BudgetName(options.ResolveLoginBaseAddress().Authority, clientId);
                return handle.Budget = new RedisRequestBudget(redis, key, pacing, fleet, time, health);
            };
            return handle;
        }

        /// <summary>The <see cref="UseRedisFleet(GenesysCloudOptions, IConnectionMultiplexer, GenesysRedisOptions)"/> of a host:
        /// takes the <see cref="IConnectionMultiplexer"/> registered in the container, and records metrics through its
        /// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> when it has one.</summary>
        public static Microsoft.Extensions.DependencyInjection.IGenesysCloudBuilder AddRedisFleet(this Microsoft.Extensions.DependencyInjection.IGenesysCloudBuilder builder, Action<GenesysRedisOptions> configure)
        {
            ArgumentNullException.ThrowIfNull(builder);
            ArgumentNullException.ThrowIfNull(configure);
            Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<GenesysCloudOptions>(builder.Services)
                .PostConfigure<IConnectionMultiplexer, IServiceProvider>((options, redis, services) =>
                {
                    var fleet = new GenesysRedisOptions();
                    configure(fleet);
                    options.UseRedisFleet(redis, fleet,
                        (System.Diagnostics.Metrics.IMeterFactory?)services.GetService(typeof(System.Diagnostics.Metrics.IMeterFactory)));
                });
            return builder;
        }
    }
}
