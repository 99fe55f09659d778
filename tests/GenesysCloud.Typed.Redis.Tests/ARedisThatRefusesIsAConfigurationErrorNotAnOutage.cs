using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace GenesysCloud.Typed.Redis.Tests;

/// <summary>Promise: only an unreachable Redis is an outage. A Redis that answers but refuses (authentication, ACL
/// permissions, a database that does not exist, a read-only replica) is a configuration error that names its cause,
/// never the password, and is never hidden behind "working alone".</summary>
public sealed class ARedisThatRefusesIsAConfigurationErrorNotAnOutage : IAsyncLifetime
{
    private const string Password = "right-Pa55word-for-the-fleet";
    private const string AlicePassword = "alice-Pa55word-9z";
    private RedisServer _redis = null!;
    private RedisServer? _replica;
    private readonly List<IConnectionMultiplexer> _connections = [];

    public async Task InitializeAsync() =>
        // alice may only touch keys outside the fleet's prefix; bob may not run scripts.
        _redis = await RedisServer.StartAsync(Password, true,
            "--user", "alice", "on", ">" + AlicePassword, "~other:*", "&*", "+@all",
            "--user", "bob", "on", ">" + AlicePassword, "~*", "&*", "+@all", "-eval", "-evalsha",
            "--user", "carol", "on", ">" + AlicePassword, "~*", "&*", "+@all");

    public async Task DisposeAsync()
    {
        try
        {
            foreach (var c in _connections) await c.DisposeAsync();
        }
        finally
        {
            if (_replica is not null) await _replica.DisposeAsync();
            await _redis.DisposeAsync();
        }
    }

    public static TheoryData<string> Refusals => ["no password", "wrong password", "acl: keys", "acl: scripts", "wrong database", "replica"];

    private async Task<string> ConnectionStringAsync(string refusal)
    {
        switch (refusal)
        {
            case "no password": return _redis.ConnectionStringFor();
            case "wrong password": return _redis.ConnectionStringFor(password: "wrong-" + Password);
            case "acl: keys": return _redis.ConnectionStringFor("alice", AlicePassword);
            case "acl: scripts": return _redis.ConnectionStringFor("bob", AlicePassword);
            case "wrong database": return _redis.ConnectionStringFor(password: Password, database: 99);
            case "replica":
                _replica = await RedisServer.StartAsync(Password, true, "--masterauth", Password, "--replicaof", "127.0.0.1", _redis.Port.ToString());
                return _replica.ConnectionString;
            default: throw new ArgumentOutOfRangeException(nameof(refusal));
        }
    }

    private static (GenesysRedisRefusal Cause, string Word) Cause(string refusal) => refusal switch
    {
        "no password" or "wrong password" => (GenesysRedisRefusal.Authentication, "authentication"),
        "acl: keys" or "acl: scripts" => (GenesysRedisRefusal.Permission, "permission"),
        "wrong database" => (GenesysRedisRefusal.Database, "database"),
        _ => (GenesysRedisRefusal.ReadOnly, "read-only"),
    };

    private async Task<(RedisTokenCache Cache, RedisRequestBudget Budget, RedisFleetHealth Health, FakeLogger Log)> NewProcessAsync(string connectionString)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(connectionString);
        _connections.Add(connection);
        var options = new GenesysRedisOptions { EncryptionKey = RandomNumberGenerator.GetBytes(32), RetryInterval = TimeSpan.FromMilliseconds(200) };
        var log = new FakeLogger();
        var health = new RedisFleetHealth(options, TimeProvider.System, () => log);
        var cache = new RedisTokenCache(connection, options, health, TimeProvider.System, () => log);
        var budget = new RedisRequestBudget(connection, "budget/refusal", new GenesysPacingOptions { RequestsPerMinute = 600 }, options, TimeProvider.System, health);
        return (cache, budget, health, log);
    }

    private static void AssertNamesCauseNotSecrets(Exception ex, string refusal, FakeLogCollector log)
    {
        var error = Assert.IsType<GenesysRedisConfigurationException>(ex);
        Assert.Equal(Cause(refusal).Cause, error.Cause);
        Assert.Contains(Cause(refusal).Word, ex.Message, StringComparison.OrdinalIgnoreCase);
        var everything = ex + "\n" + string.Join("\n", log.GetSnapshot().Select(r => r.Message + " " + r.Exception));
        Assert.DoesNotContain(Password, everything);
        Assert.DoesNotContain(AlicePassword, everything);
        Assert.DoesNotContain("unreachable", everything, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_token_asked_of_a_redis_that_refuses_is_a_configuration_error_not_a_lone_fetch(string refusal)
    {
        var (cache, _, health, log) = await NewProcessAsync(await ConnectionStringAsync(refusal));
        var fetched = false;
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => cache.GetTokenAsync(new GenesysTokenCacheRequest("refused", "client-1", null,
            TimeSpan.FromMinutes(5), _ => { fetched = true; return Task.FromResult(new AccessToken("lone-token", DateTimeOffset.UtcNow.AddHours(1))); }), default));
        AssertNamesCauseNotSecrets(ex, refusal, log.Collector);
        Assert.False(fetched, "a process whose Redis refuses it must not quietly work alone");
        Assert.False(health.IsDegraded);
        Assert.Equal(0, health.Outages);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_budget_turn_asked_of_a_redis_that_refuses_is_a_configuration_error_not_a_lone_pacer(string refusal)
    {
        var (_, budget, health, log) = await NewProcessAsync(await ConnectionStringAsync(refusal));
        using (budget)
        {
            var ex = await Assert.ThrowsAnyAsync<Exception>(async () => await budget.WaitTurnAsync(default));
            AssertNamesCauseNotSecrets(ex, refusal, log.Collector);
            Assert.False(health.IsDegraded);
            Assert.Equal(0, health.Fallbacks);
        }
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task The_start_up_check_names_what_redis_refuses(string refusal)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(await ConnectionStringAsync(refusal));
        _connections.Add(connection);
        var log = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(log)));
        var options = new GenesysCloudOptions { BaseAddress = new Uri("http://127.0.0.1:1/"), ClientId = "c", ClientSecret = "s", LoggerFactory = loggers };
        var fleet = options.UseRedisFleet(connection, new GenesysRedisOptions { EncryptionKey = RandomNumberGenerator.GetBytes(32) });
        var ex = await Assert.ThrowsAsync<GenesysRedisConfigurationException>(() => fleet.VerifyAsync());
        AssertNamesCauseNotSecrets(ex, refusal, log);
        Assert.False(fleet.IsDegraded);
    }

    [Fact]
    public async Task The_start_up_check_passes_with_the_right_password_and_calls_an_unreachable_redis_an_outage()
    {
        var good = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var away = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=500,asyncTimeout=500,syncTimeout=500");
        _connections.Add(good);
        _connections.Add(away);
        var options = new GenesysRedisOptions { EncryptionKey = RandomNumberGenerator.GetBytes(32) };
        Assert.True(await new GenesysCloudOptions { ClientId = "c", ClientSecret = "s" }.UseRedisFleet(good, options).VerifyAsync());
        var lone = new GenesysCloudOptions { ClientId = "c", ClientSecret = "s" }.UseRedisFleet(away, options);
        Assert.False(await lone.VerifyAsync());
        Assert.True(lone.IsDegraded);
    }

    public static TheoryData<string, RedisErrorKind, GenesysRedisRefusal> ServerErrors => new()
    {
        { "NOAUTH Authentication required.", RedisErrorKind.NoAuth, GenesysRedisRefusal.Authentication },
        { "WRONGPASS invalid username-password pair or user is disabled.", RedisErrorKind.WrongPass, GenesysRedisRefusal.Authentication },
        { "NOPERM this user has no permissions to run the 'evalsha' command", RedisErrorKind.NoPermission, GenesysRedisRefusal.Permission },
        { "READONLY You can't write against a read only replica.", RedisErrorKind.ReadOnly, GenesysRedisRefusal.ReadOnly },
        { "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk.", RedisErrorKind.Misconfigured, GenesysRedisRefusal.Persistence },
        { "OOM command not allowed when used memory > 'maxmemory'.", RedisErrorKind.OutOfMemory, GenesysRedisRefusal.Memory },
        { "ERR DB index is out of range", RedisErrorKind.UnknownError, GenesysRedisRefusal.Database },
        { "WRONGTYPE Operation against a key holding the wrong kind of value", RedisErrorKind.WrongType, GenesysRedisRefusal.Other },
        { "ERR unknown command 'EVALSHA'", RedisErrorKind.UnknownCommand, GenesysRedisRefusal.Other },
        // Without a kind (an error made by hand, or one StackExchange.Redis does not know): read from the prefix.
        { "NOPERM this user has no permissions to access one of the keys used as arguments", RedisErrorKind.Unknown, GenesysRedisRefusal.Permission },
        { "MISCONF Errors writing to the AOF file", RedisErrorKind.None, GenesysRedisRefusal.Persistence },
        // Redis 7: an ACL denial of a command inside a script is an ERR, not NOPERM.
        { "ERR The user executing the script can't run this command or subcommand script: 8c4e…, on @user_script:1.", RedisErrorKind.UnknownError, GenesysRedisRefusal.Permission },
        { "ERR The user executing the script can't access at least one of the keys mentioned in the command script: 8c4e…", RedisErrorKind.Unknown, GenesysRedisRefusal.Permission },
    };

    [Theory]
    [MemberData(nameof(ServerErrors))]
    public void A_server_error_is_a_configuration_error_with_its_cause(string message, RedisErrorKind kind, GenesysRedisRefusal cause)
    {
        var ex = new RedisServerException(kind, CommandFlags.None, message);
        Assert.False(GenesysRedisErrors.IsUnreachable(ex));
        Assert.Equal(cause, GenesysRedisErrors.AsConfigurationError(ex, "a test")!.Cause);
    }

    public static TheoryData<Exception> Outages => new()
    {
        new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "UnableToConnect on 127.0.0.1:6379", null, CommandStatus.Unknown),
        new RedisConnectionException(ConnectionFailureType.SocketClosed, CommandFlags.None, "SocketClosed", null, CommandStatus.Sent),
        new RedisTimeoutException(CommandFlags.None, "Timeout awaiting response", CommandStatus.Sent),
        new RedisServerException(RedisErrorKind.Loading, CommandFlags.None, "LOADING Redis is loading the dataset in memory"),
        new RedisServerException(RedisErrorKind.Busy, CommandFlags.None, "BUSY Redis is busy running a script."),
        new RedisServerException(RedisErrorKind.MasterDown, CommandFlags.None, "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."),
        new RedisServerException(RedisErrorKind.TryAgain, CommandFlags.None, "TRYAGAIN Multiple keys request during rehashing of slot"),
        new RedisServerException(RedisErrorKind.Unknown, CommandFlags.None, "LOADING Redis is loading the dataset in memory"),
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void Only_unreachability_is_an_outage(Exception ex)
    {
        Assert.True(GenesysRedisErrors.IsUnreachable(ex));
        Assert.Null(GenesysRedisErrors.AsConfigurationError(ex, "a test"));
        // A connection failure caused by a refused authentication is not.
        var refused = new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "timed out in the backlog",
            new RedisConnectionException(ConnectionFailureType.AuthenticationFailure, CommandFlags.None, "AuthenticationFailure", null, CommandStatus.Unknown),
            CommandStatus.WaitingInBacklog);
        Assert.False(GenesysRedisErrors.IsUnreachable(refused));
        Assert.Equal(GenesysRedisRefusal.Authentication, GenesysRedisErrors.AsConfigurationError(refused, "a test")!.Cause);
    }

    [Fact]
    public async Task A_refusal_that_begins_mid_run_is_not_taken_for_an_outage()
    {
        var (cache, budget, health, log) = await NewProcessAsync(_redis.ConnectionStringFor("carol", AlicePassword));
        using (budget)
        {
            var first = await cache.GetTokenAsync(new GenesysTokenCacheRequest("mid-run", "client-1", null, TimeSpan.FromMinutes(5),
                _ => Task.FromResult(new AccessToken("t1", DateTimeOffset.UtcNow.AddHours(1)))), default);
            await budget.WaitTurnAsync(default);
            // An operator narrows the fleet's ACL user while it runs.
            var admin = await _redis.ConnectToInspectAsync();
            _connections.Add(admin);
            await admin.GetDatabase().ExecuteAsync("ACL", "SETUSER", "carol", "resetkeys", "~other:*");

            var fetched = false;
            var ex = await Assert.ThrowsAnyAsync<Exception>(() => cache.GetTokenAsync(new GenesysTokenCacheRequest("mid-run", "client-1", first,
                TimeSpan.FromMinutes(5), _ => { fetched = true; return Task.FromResult(new AccessToken("t2", DateTimeOffset.UtcNow.AddHours(1))); }), default));
            AssertNamesCauseNotSecrets(ex, "acl: keys", log.Collector);
            Assert.False(fetched);
            AssertNamesCauseNotSecrets(await Assert.ThrowsAnyAsync<Exception>(async () => await budget.WaitTurnAsync(default)), "acl: keys", log.Collector);
            Assert.False(health.IsDegraded);
            Assert.Single(log.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);   // said once, however often it is refused
        }
    }
}
