using System.Diagnostics;
using System.Text.Json;
using GenesysCloud.Typed;
using GenesysCloud.Typed.Testing;

namespace BatchUsers;

/// <summary>Wires the job: an emulator (or real Genesys Cloud), a connection, the generated client, progress, summary.</summary>
public static class BatchApp
{
    public const int ExitOk = 0, ExitFailures = 1, ExitUsage = 2, ExitInterrupted = 130;

    public static async Task<(JobSummary Summary, int ExitCode)> RunAsync(JobSettings settings, EmulatorSettings? emulatorSettings,
        GenesysSettings? genesys, IProgressView view, CancellationToken stop, JobProgress? progress = null)
    {
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
            else
            {
                options = new GenesysCloudOptions
                {
                    Region = genesys.Region,
                    ClientId = genesys.ClientId,
                    ClientSecret = genesys.ClientSecret,
                    Pacing = { RequestsPerMinute = genesys.PaceRequestsPerMinute },
                };
                view.Line($"Running against Genesys Cloud {genesys.Region} ({genesys.Region.Environment()}) as client {genesys.ClientId}" +
                          (settings.Apply ? "." : " — DRY RUN: nothing is written; add --apply to write."));
            }
            options.TypeInfoResolver = BatchJson.Default;

            await using var connection = new GenesysCloudConnection(options);
            var users = IUsersApi.Create(connection);
            var job = new UserUpdateJob(users, settings, progress);
            var clock = Stopwatch.StartNew();
            var run = job.RunAsync(stop);
            await view.ShowAsync(run, progress, connection.Telemetry);
            var (completed, checkpoint) = await run;
            clock.Stop();

            var counters = connection.Telemetry.Counters;
            var summary = new JobSummary
            {
                DryRun = !settings.Apply,
                Interrupted = !completed,
                Processed = progress.Processed,
                Updated = progress.Updated,
                Unchanged = progress.Unchanged,
                Failed = checkpoint.Failures.Count,
                Failures = checkpoint.Failures,
                TokenRequests = counters.TokenRefreshes,
                Retries = counters.Retries,
                Throttled = counters.Throttled,
                ElapsedSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
                ThroughputPerSecond = clock.Elapsed.TotalSeconds > 0 ? Math.Round(progress.ProcessedThisRun / clock.Elapsed.TotalSeconds, 1) : 0,
                Emulator = emulator is null ? null : LedgerSummary(emulator),
            };
            if (settings.JsonPath is { } path)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(summary, BatchJson.Default.JobSummary), CancellationToken.None);
            }
            view.Summary(summary, settings);
            var exit = !completed ? ExitInterrupted : summary.Failed > 0 ? ExitFailures : ExitOk;
            return (summary, exit);
        }
        finally
        {
            if (emulator is not null) await emulator.DisposeAsync();
        }
    }

    private static EmulatorLedgerSummary LedgerSummary(GenesysCloudEmulator emulator)
    {
        var snapshot = emulator.Ledger.Snapshot();
        return new EmulatorLedgerSummary(snapshot.UsersChangedOnce, snapshot.UsersChangedMoreThanOnce, snapshot.UsersUnchanged,
            snapshot.TotalTokenRequests, emulator.Ledger.TotalFaults, snapshot.Throttled);
    }
}
