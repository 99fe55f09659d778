using System.Diagnostics;
using System.Text.Json;
using GenesysCloud.Typed;
using GenesysCloud.Typed.Redis;
using GenesysCloud.Typed.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace BatchUsers;

/// <summary>Wires the job: an emulator (or real Genesys Cloud), a connection, the generated client, progress, summary.</summary>
public static class BatchApp
{
    /// <summary>3: the fleet's configuration (Redis refuses this worker, or its token key is not the run's); 4: the run was
    /// lost with Redis's state (start again with a new --run-id).</summary>
    public const int ExitOk = 0, ExitFailures = 1, ExitUsage = 2, ExitFleetConfiguration = 3, ExitRunLost = 4, ExitInterrupted = 130;

    public static async Task<(JobSummary Summary, int ExitCode)> RunAsync(JobSettings settings, EmulatorSettings? emulatorSettings,
        GenesysSettings? genesys, IProgressView view, CancellationToken stop, JobProgress? progress = null, FleetSettings? fleet = null,
        ILoggerFactory? loggerFactory = null)
    {
        loggerFactory ??= NullLoggerFactory.Instance;
        progress ??= new JobProgress();
        GenesysCloudEmulator? emulator = null;
        try
        {
            GenesysCloudOptions options;
            if (genesys is null)
            {
                var e = emulatorSettings ?? new EmulatorSettings();
                emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
                {
                    UserCount = e.Users,
                    AccessTokenLifetime = e.TokenLifetime,
                    Seed = e.Seed,
                    RateLimit = { RequestsPerWindow = e.RateLimit, Key = RateLimitKey.Client, SendRateLimitHeaders = true },
                    Faults =
                    {
                        ServerErrorRate = e.FaultRate,
                        DropBeforeProcessingRate = e.DropRate / 2,
                        DropAfterProcessingRate = e.DropRate / 2,   // half of the drops after the change applied
                    },
                });
                options = new GenesysCloudOptions
                {
                    BaseAddress = emulator.BaseAddress,
                    ClientId = EmulatorClient.Default.ClientId,
                    ClientSecret = EmulatorClient.Default.ClientSecret,
                    Pacing = { RequestsPerMinute = (int)(e.RateLimit * 0.95) },
                    // The emulator's faults are momentary: back off from 200 ms instead of 1 s.
                    Retry = { BaseDelay = TimeSpan.FromMilliseconds(200) },
                };
                view.Line($"Running against the embedded Genesys Cloud emulator at {emulator.BaseAddress}: {e.Users} users, " +
                          $"{e.TokenLifetime.TotalSeconds:0.###} s tokens, {e.FaultRate:P0} 5xx, {e.DropRate:P0} dropped connections, {e.RateLimit} requests/min.");
            }
            else if (genesys.EmulatorAddress is { } address)
            {
                options = new GenesysCloudOptions
                {
                    BaseAddress = address,
                    ClientId = genesys.ClientId,
                    ClientSecret = genesys.ClientSecret,
                    Pacing = { RequestsPerMinute = genesys.PaceRequestsPerMinute },
                    Retry = { BaseDelay = TimeSpan.FromMilliseconds(200) },
                };
                view.Line($"Running against the emulator host at {address} as client {genesys.ClientId}, pacing at {genesys.PaceRequestsPerMinute} requests/min.");
            }
            else
            {
                options = new GenesysCloudOptions
                {
                    Region = genesys.Region,
                    ClientId = genesys.ClientId,
                    ClientSecret = genesys.ClientSecret,
                    Pacing = { RequestsPerMinute = genesys.PaceRequestsPerMinute },
                };
                view.Line($"Running against Genesys Cloud {genesys.Region} ({genesys.Region!.Value.Environment()}) as client {genesys.ClientId}" +
                          (settings.Apply ? "." : " — DRY RUN: nothing is written; add --apply to write."));
            }
            options.TypeInfoResolver = BatchJson.Default;
            options.LoggerFactory = loggerFactory;

            await using var redis = fleet is null ? null : await ConnectionMultiplexer.ConnectAsync(RedisConfiguration(fleet.RedisConnectionString));
            var membership = redis is null ? null : options.UseRedisFleet(redis, new GenesysRedisOptions { EncryptionKey = fleet!.TokenKey });
            // A Redis that refuses this worker (password, ACL, database, replica) is an error now, not an outage to wait out.
            if (membership is not null) await membership.VerifyAsync(stop);
            await using var connection = new GenesysCloudConnection(options);
            var users = IUsersApi.Create(connection);
            var clock = Stopwatch.StartNew();
            bool completed;
            Checkpoint checkpoint;
            RunTotals? totals = null;
            FleetWorkerSummary? worker = null;
            if (redis is null)
            {
                var job = new UserUpdateJob(users, settings, progress);
                var run = job.RunAsync(stop);
                await view.ShowAsync(run, progress, connection.Telemetry);
                (completed, checkpoint) = await run;
            }
            else
            {
                var workerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
                var fleetRun = new FleetRun(redis, fleet!.RunId, workerId, fleet.Lease, membership!.KeyId, loggerFactory.CreateLogger("BatchUsers.Fleet"), stop,
                    () => membership.Refusal);
                var job = new FleetJob(users, settings, progress, fleetRun, fleet.Lease, loggerFactory.CreateLogger("BatchUsers.Fleet"));
                view.Line($"Fleet worker {workerId} joining run '{fleet.RunId}'.");
                var run = job.RunAsync(stop);
                try
                {
                    await view.ShowAsync(run, progress, connection.Telemetry);
                    completed = await run;
                }
                catch (Exception ex) when (ex is GenesysRedisConfigurationException or FleetRunLostException && settings.JsonPath is { } errorPath)
                {
                    // Exit 3 or 4: what this worker did still goes to --json, with the reason (never a password or a key).
                    await WriteJsonAsync(errorPath, new JobSummary
                    {
                        DryRun = !settings.Apply,
                        Interrupted = true,
                        Processed = progress.Processed,
                        Updated = progress.Updated,
                        Unchanged = progress.Unchanged,
                        Failed = progress.Failed,
                        TokenRequests = connection.Telemetry.Counters.TokenRefreshes,
                        Retries = connection.Telemetry.Counters.Retries,
                        Throttled = connection.Telemetry.Counters.Throttled,
                        ElapsedSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
                        Fleet = new FleetWorkerSummary(workerId, job.PartitionsDone, job.PartitionsReclaimed, membership!.Outages,
                            membership.TokenFetchesForFleet, membership.SharedTokenReads),
                        Error = ex.Message,
                    });
                    throw;
                }
                try
                {
                    totals = await fleetRun.TotalsAsync(CancellationToken.None);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // Stopped while Redis was away: the summary goes without the run's totals.
                }
                checkpoint = new Checkpoint { Completed = completed };
                worker = new FleetWorkerSummary(workerId, job.PartitionsDone, job.PartitionsReclaimed, membership!.Outages,
                    membership.TokenFetchesForFleet, membership.SharedTokenReads);
            }
            clock.Stop();

            var counters = connection.Telemetry.Counters;
            var summary = new JobSummary
            {
                DryRun = !settings.Apply,
                Interrupted = !completed,
                Processed = progress.Processed,
                Updated = progress.Updated,
                Unchanged = progress.Unchanged,
                Failed = redis is null ? checkpoint.Failures.Count : progress.Failed,
                Failures = checkpoint.Failures,
                TokenRequests = counters.TokenRefreshes,
                Retries = counters.Retries,
                Throttled = counters.Throttled,
                ElapsedSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
                ThroughputPerSecond = clock.Elapsed.TotalSeconds > 0 ? Math.Round(progress.ProcessedThisRun / clock.Elapsed.TotalSeconds, 1) : 0,
                Emulator = emulator is null ? null : LedgerSummary(emulator),
                Run = totals,
                Fleet = worker,
            };
            if (settings.JsonPath is { } path) await WriteJsonAsync(path, summary);
            view.Summary(summary, settings);
            var failed = totals?.Failed ?? summary.Failed;
            var exit = !completed ? ExitInterrupted : failed > 0 ? ExitFailures : ExitOk;
            return (summary, exit);
        }
        finally
        {
            if (emulator is not null) await emulator.DisposeAsync();
        }
    }

    private static async Task WriteJsonAsync(string path, JobSummary summary)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(summary, BatchJson.Default.JobSummary), CancellationToken.None);
    }

    // Fail fast while Redis is away (the runtime then works alone and the run's bookkeeping waits), and keep reconnecting.
    private static ConfigurationOptions RedisConfiguration(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        if (!connectionString.Contains("connectTimeout", StringComparison.OrdinalIgnoreCase)) configuration.ConnectTimeout = 2000;
        if (!connectionString.Contains("asyncTimeout", StringComparison.OrdinalIgnoreCase)) configuration.AsyncTimeout = 2000;
        if (!connectionString.Contains("syncTimeout", StringComparison.OrdinalIgnoreCase)) configuration.SyncTimeout = 2000;
        return configuration;
    }

    private static EmulatorLedgerSummary LedgerSummary(GenesysCloudEmulator emulator)
    {
        var snapshot = emulator.Ledger.Snapshot();
        return new EmulatorLedgerSummary(snapshot.UsersChangedOnce, snapshot.UsersChangedMoreThanOnce, snapshot.UsersUnchanged,
            snapshot.TotalTokenRequests, emulator.Ledger.TotalFaults, snapshot.Throttled);
    }
}
