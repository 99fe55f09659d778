using StackExchange.Redis;

namespace GenesysCloud.Typed.Redis;

/// <summary>Tells "Redis is away" (wait, or work alone) from "Redis answers but refuses" (a configuration error). Only
/// unreachability, a timeout, and a server busy loading or failing over are outages; every other Redis error is not.</summary>
public static class GenesysRedisErrors
{
    /// <summary>True when Redis could not be reached or did not answer in time: the caller may wait for it or work alone.</summary>
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        // A command that timed out waiting for a connection Redis refused to authenticate is no outage.
        _ when IsAuthentication(exception) => false,
        RedisConnectionException => true,
        TimeoutException => true,   // RedisTimeoutException included
        RedisServerException s => KindOf(s) is RedisErrorKind.Loading or RedisErrorKind.Busy or RedisErrorKind.TryAgain or RedisErrorKind.MasterDown
            or RedisErrorKind.ClusterDown or RedisErrorKind.MaxClients,
        _ => false,
    };

    /// <summary>The configuration error a Redis failure stands for; null when it is an outage or not a Redis error at all.
    /// <paramref name="operation"/> says what was refused ("token read").</summary>
    public static GenesysRedisConfigurationException? AsConfigurationError(Exception exception, string operation) =>
        AsConfigurationError(exception, operation, authenticationRefused: false);

    /// <summary>The same, when the caller knows Redis refused this connection's authentication (e.g. from
    /// <see cref="IsAuthenticationRefusedAsync"/>): a connection failure is then that refusal, not an outage.</summary>
    public static GenesysRedisConfigurationException? AsConfigurationError(Exception exception, string operation, bool authenticationRefused)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not (RedisException or RedisCommandException or RedisTimeoutException)) return null;
        if (IsUnreachable(exception) && !authenticationRefused) return null;
        var kind = exception is RedisServerException s ? KindOf(s) : RedisErrorKind.None;
        var (cause, why) = exception switch
        {
            _ when IsAuthentication(exception) || (authenticationRefused && IsUnreachable(exception)) => (GenesysRedisRefusal.Authentication,
                AuthenticationWhy),
            RedisCommandException c when c.Message.Contains("database", StringComparison.OrdinalIgnoreCase) => (GenesysRedisRefusal.Database,
                DatabaseWhy),
            _ => kind switch
            {
                RedisErrorKind.NoAuth or RedisErrorKind.WrongPass => (GenesysRedisRefusal.Authentication,
                    AuthenticationWhy),
                _ when kind == RedisErrorKind.NoPermission || IsScriptPermissionDenial(exception) => (GenesysRedisRefusal.Permission,
                    $"permission denied by the Redis ACL ({ServerText(exception)}): the user needs the fleet's keys and EVAL/EVALSHA"),
                RedisErrorKind.ReadOnly => (GenesysRedisRefusal.ReadOnly, "the connection reaches a read-only replica: point it at the primary"),
                RedisErrorKind.Misconfigured => (GenesysRedisRefusal.Persistence, "Redis refuses writes because it cannot persist to disk: fix its disk or save settings"),
                RedisErrorKind.OutOfMemory => (GenesysRedisRefusal.Memory, "Redis refuses writes at its maxmemory limit"),
                _ when exception is RedisServerException && ServerText(exception).Contains("DB index", StringComparison.OrdinalIgnoreCase) =>
                    (GenesysRedisRefusal.Database, DatabaseWhy),
                _ => (GenesysRedisRefusal.Other, $"Redis answered an error the fleet cannot interpret ({Describe(exception)})"),
            },
        };
        return new GenesysRedisConfigurationException(cause,
            $"Redis refused {operation}: {why}. This is a configuration error, not an outage: fix it and start again.", exception);
    }

    /// <summary>Whether a server that seems unreachable through <paramref name="redis"/> in fact answers but refuses its
    /// credentials. A multiplexer that lost its connection and is refused on reconnect (the password changed, the ACL user
    /// was deleted) keeps reporting the old "socket closed" failure; a fresh connection with the same configuration
    /// reports <see cref="ConnectionFailureType.AuthenticationFailure"/>. False when Redis is truly away, or all is well.
    /// Costs one short-lived connection: call it at most every second or so while Redis seems away.</summary>
    public static async Task<bool> IsAuthenticationRefusedAsync(IConnectionMultiplexer redis, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(redis.Configuration);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or NotSupportedException)
        {
            return false;
        }
        var ms = (int)Math.Clamp(timeout.TotalMilliseconds, 100, int.MaxValue);
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = ms;
        configuration.AsyncTimeout = ms;
        configuration.SyncTimeout = ms;
        configuration.ConnectRetry = 0;
        configuration.ClientName = "genesys-fleet-probe";
        var refused = 0;
        try
        {
            await using var probe = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
            probe.ConnectionFailed += (_, e) =>
            {
                if (e.FailureType == ConnectionFailureType.AuthenticationFailure) Volatile.Write(ref refused, 1);
            };
            await probe.GetDatabase().PingAsync().ConfigureAwait(false);
            return false;
        }
        catch (Exception ex)
        {
            return Volatile.Read(ref refused) == 1 || IsAuthentication(ex)
                || ex is RedisServerException s && KindOf(s) is RedisErrorKind.NoAuth or RedisErrorKind.WrongPass;
        }
    }

    // A TLS mismatch (ssl=true against a plain server) fails the handshake the same way StackExchange.Redis reports a
    // refused password, so both are named.
    private const string AuthenticationWhy = "authentication failed or the TLS setting does not match the server: the connection " +
        "string has no password, a wrong one, or a user Redis does not know (user=…, password=…), or ssl=true against a server without " +
        "TLS (or ssl missing against one that requires it)";

    private const string DatabaseWhy = "the database named in the connection string (defaultDatabase) does not exist on this server";

    // Redis 7 answers an ACL denial inside a script with an ERR, not NOPERM.
    private static bool IsScriptPermissionDenial(Exception exception) =>
        exception is RedisServerException && ServerText(exception).Contains("The user executing the script can't", StringComparison.OrdinalIgnoreCase);

    private static bool IsAuthentication(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure }) return true;
        return false;
    }

    // StackExchange.Redis classifies the server's error prefix; an exception made without a kind is read from its prefix.
    private static RedisErrorKind KindOf(RedisServerException exception)
    {
        if (exception.Kind is not (RedisErrorKind.None or RedisErrorKind.Unknown or RedisErrorKind.UnknownError)) return exception.Kind;
        var end = exception.Message.IndexOf(' ');
        return (end < 0 ? exception.Message : exception.Message[..end]) switch
        {
            "NOAUTH" => RedisErrorKind.NoAuth,
            "WRONGPASS" => RedisErrorKind.WrongPass,
            "NOPERM" => RedisErrorKind.NoPermission,
            "READONLY" => RedisErrorKind.ReadOnly,
            "MISCONF" => RedisErrorKind.Misconfigured,
            "OOM" => RedisErrorKind.OutOfMemory,
            "LOADING" => RedisErrorKind.Loading,
            "BUSY" => RedisErrorKind.Busy,
            "TRYAGAIN" => RedisErrorKind.TryAgain,
            "MASTERDOWN" => RedisErrorKind.MasterDown,
            "CLUSTERDOWN" => RedisErrorKind.ClusterDown,
            _ => exception.Kind,
        };
    }

    // The server's own words (they never hold a password), on one line and short.
    private static string ServerText(Exception exception)
    {
        var text = exception.Message.ReplaceLineEndings(" ");
        var script = text.IndexOf(" script: ", StringComparison.Ordinal);
        if (script > 0) text = text[..script];
        return text.Length <= 200 ? text : text[..200] + "…";
    }

    private static string Describe(Exception exception) => exception is RedisServerException ? ServerText(exception) : exception.GetType().Name;
}
