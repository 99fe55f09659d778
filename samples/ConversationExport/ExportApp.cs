using System.Diagnostics;
using System.Text.Json;
using GenesysCloud.Typed;
using GenesysCloud.Typed.Testing;

namespace ConversationExport;

/// <summary>Wires the export: the embedded emulator, an emulator host or Genesys Cloud; the connection; progress lines;
/// the summary.</summary>
public static class ExportApp
{
    public const int ExitOk = 0, ExitFailed = 1, ExitUsage = 2, ExitInterrupted = 130;

    public static async Task<(ExportSummary Summary, int ExitCode)> RunAsync(ExportSettings settings, EmulatorSettings? emulatorSettings,
        RemoteSettings? remote, TextWriter log, CancellationToken stop, TimeSpan? progressEvery = null)
    {
        GenesysCloudEmulator? emulator = null;
        long? orgConversations = null;
        var progress = new ExportProgress();
        var clock = Stopwatch.StartNew();
        try
        {
            GenesysCloudOptions options;
            if (remote is null)
            {
                var e = emulatorSettings ?? new EmulatorSettings();
                orgConversations = e.Conversations;
                emulator = await GenesysCloudEmulator.StartAsync(new EmulatorOptions
                {
                    ConversationCount = e.Conversations,
                    AccessTokenLifetime = e.TokenLifetime,
                    Seed = e.Seed,
                    Faults =
                    {
                        ServerErrorRate = e.FaultRate,
                        DropBeforeProcessingRate = e.DropRate / 2,
                        DropAfterProcessingRate = e.DropRate / 2,
                    },
                }, stop);
                options = new GenesysCloudOptions
                {
                    BaseAddress = emulator.BaseAddress,
                    ClientId = EmulatorClient.Default.ClientId,
                    ClientSecret = EmulatorClient.Default.ClientSecret,
                };
                if (settings.Interval is null)
                {
                    // No --interval: the emulator's whole span, not a fixed year that holds only the first ~75,000.
                    var (start, end) = emulator.ConversationSpan;
                    settings = settings with { Interval = $"{Iso(start)}/{Iso(end)}" };
                }
                log.WriteLine($"Running against the embedded Genesys Cloud emulator at {emulator.BaseAddress}: {e.Conversations} conversations, " +
                              $"{e.TokenLifetime.TotalSeconds:0.###} s tokens, {e.FaultRate:P0} 5xx, {e.DropRate:P0} dropped connections.");
            }
            else
            {
                if (remote.BaseAddress is { } host)
                {
                    // An emulator host: like the embedded emulator, its whole span unless an interval is given.
                    if (await EmulatorHostInfo.TryReadAsync(host, stop) is { } info)
                    {
                        orgConversations = info.Conversations;
                        if (settings.Interval is null) settings = settings with { Interval = $"{Iso(info.ConversationsStart)}/{Iso(info.ConversationsEnd)}" };
                        log.WriteLine($"The emulator host at {host} holds {info.Conversations} conversations from {Iso(info.ConversationsStart)} to {Iso(info.ConversationsEnd)}.");
                    }
                    else if (settings.Interval is null)
                    {
                        throw new ArgumentException($"{host} does not answer GET /emulator/info, so its span is unknown: give --interval.");
                    }
                }
                if (settings.Interval is null) throw new ArgumentException("An interval is needed for an export from Genesys Cloud.");
                options = new GenesysCloudOptions
                {
                    BaseAddress = remote.BaseAddress,
                    Region = remote.BaseAddress is null ? remote.Region : null,
                    ClientId = remote.ClientId,
                    ClientSecret = remote.ClientSecret,
                };
                log.WriteLine($"Running against {(object?)remote.BaseAddress ?? remote.Region} as client {remote.ClientId}.");
            }
            // Momentary faults: back off from 200 ms instead of 1 s; a job is polled from every half second.
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(200);
            options.Jobs.PollInterval = TimeSpan.FromMilliseconds(500);

            await using var connection = new GenesysCloudConnection(options);
            var exporter = new ConversationExporter(IAnalyticsApi.Create(connection), settings, progress);
            var run = exporter.RunAsync(stop);
            while (await Task.WhenAny(run, Task.Delay(progressEvery ?? TimeSpan.FromSeconds(2), CancellationToken.None)) != run)
                log.WriteLine(Describe(progress, connection.Telemetry.Counters, clock.Elapsed));

            ExportCheckpoint? checkpoint = null;
            var jobs = 0;
            string? error = null;
            var exit = ExitOk;
            try
            {
                (checkpoint, jobs) = await run;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                exit = ExitInterrupted;
                error = "interrupted; run again with --resume to continue";
            }
            catch (GenesysJobException ex)
            {
                exit = ExitFailed;
                error = ex.Message;
            }
            clock.Stop();
            checkpoint ??= ExportCheckpoint.Load(settings.CheckpointPath);
            var counters = connection.Telemetry.Counters;
            var summary = new ExportSummary
            {
                Completed = checkpoint?.Completed == true,
                Resumed = settings.Resume,
                Exported = checkpoint?.Exported ?? 0,
                Interval = settings.Interval,
                OrgConversations = orgConversations,
                ExportedThisRun = progress.ExportedThisRun,
                Jobs = jobs,
                JobId = checkpoint?.JobId,
                Polls = checkpoint?.Polls ?? 0,
                TokenRequests = counters.TokenRefreshes,
                Retries = counters.Retries,
                Throttled = counters.Throttled,
                ElapsedSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
                ConversationsPerSecond = clock.Elapsed.TotalSeconds > 0 ? Math.Round(progress.ExportedThisRun / clock.Elapsed.TotalSeconds, 1) : 0,
                Error = error,
            };
            if (settings.JsonPath is { } path)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(summary, ExportJson.Default.ExportSummary), CancellationToken.None);
            }
            log.WriteLine(summary.Completed
                ? $"Done: {summary.Exported} conversations in {settings.OutputPath} ({summary.ExportedThisRun} this run, {summary.ConversationsPerSecond}/s); " +
                  $"job {summary.JobId}, {summary.Polls} polls; tokens {summary.TokenRequests}, retries {summary.Retries}, 429s {summary.Throttled}."
                : $"Stopped after {summary.Exported} conversations: {error}");
            if (summary.Completed && summary.OrgConversations is { } org && summary.Exported < org)
                log.WriteLine($"The interval {settings.Interval} held {summary.Exported} of the emulator's {org} conversations; " +
                              "leave --interval out to export them all.");
            return (summary, exit);
        }
        finally
        {
            if (emulator is not null) await emulator.DisposeAsync();
        }
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(ExportProgress progress, GenesysCounters counters, TimeSpan elapsed) =>
        $"{progress.Exported} conversations exported ({(elapsed.TotalSeconds > 0 ? progress.ExportedThisRun / elapsed.TotalSeconds : 0):0}/s), {progress.Phase}; " +
        $"tokens {counters.TokenRefreshes}, retries {counters.Retries}, 429s {counters.Throttled}";
}
