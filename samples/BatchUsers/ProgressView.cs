using Spectre.Console;

namespace BatchUsers;

/// <summary>How progress reaches the person running the job: a live bar on a terminal, log lines otherwise.</summary>
public interface IProgressView
{
    void Line(string text);
    Task ShowAsync(Task run, JobProgress progress, GenesysCloud.Typed.GenesysTelemetry telemetry);
    void Summary(JobSummary summary, JobSettings settings);
}

/// <summary>Plain lines every few seconds: for CI logs, redirected output and tests.</summary>
public sealed class PlainProgressView(TextWriter output, TimeSpan? every = null) : IProgressView
{
    public void Line(string text) => output.WriteLine(text);

    public async Task ShowAsync(Task run, JobProgress progress, GenesysCloud.Typed.GenesysTelemetry telemetry)
    {
        var started = DateTime.UtcNow;
        while (await Task.WhenAny(run, Task.Delay(every ?? TimeSpan.FromSeconds(5))) != run)
            output.WriteLine(Describe(progress, telemetry, DateTime.UtcNow - started));
    }

    public void Summary(JobSummary s, JobSettings settings) => output.WriteLine(SummaryText.Of(s));

    internal static string Describe(JobProgress p, GenesysCloud.Typed.GenesysTelemetry telemetry, TimeSpan elapsed)
    {
        var c = telemetry.Counters;
        var rate = elapsed.TotalSeconds > 0 ? p.ProcessedThisRun / elapsed.TotalSeconds : 0;
        var eta = p.Total is { } total && rate > 0 ? TimeSpan.FromSeconds((total - p.Processed) / rate).ToString(@"m\:ss") : "?";
        return $"{p.Processed}/{p.Total?.ToString() ?? "?"} users ({p.Updated} updated, {p.Unchanged} unchanged, {p.Failed} failed), " +
               $"{rate:0.0}/s, ETA {eta}; tokens {c.TokenRefreshes}, retries {c.Retries}, 429s {c.Throttled}";
    }
}

/// <summary>A Spectre.Console progress bar with rate, ETA and the runtime's counters.</summary>
public sealed class LiveProgressView : IProgressView
{
    public void Line(string text) => AnsiConsole.MarkupLine(Markup.Escape(text));

    public async Task ShowAsync(Task run, JobProgress progress, GenesysCloud.Typed.GenesysTelemetry telemetry)
    {
        var started = DateTime.UtcNow;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("users", maxValue: 1);
                while (true)
                {
                    var done = await Task.WhenAny(run, Task.Delay(200)) == run;
                    var c = telemetry.Counters;
                    var elapsed = (DateTime.UtcNow - started).TotalSeconds;
                    task.MaxValue = Math.Max(1, progress.Total ?? progress.Processed + 1);
                    task.Value = progress.Processed;
                    task.Description = $"{progress.Processed} users · {progress.Updated} updated · {progress.Unchanged} unchanged · " +
                                       $"{progress.Failed} failed · {(elapsed > 0 ? progress.ProcessedThisRun / elapsed : 0):0}/s · " +
                                       $"tokens {c.TokenRefreshes} · retries {c.Retries} · 429s {c.Throttled}";
                    if (done) break;
                }
            });
    }

    public void Summary(JobSummary s, JobSettings settings) => AnsiConsole.WriteLine(SummaryText.Of(s));
}

internal static class SummaryText
{
    public static string Of(JobSummary s)
    {
        var text = $"{(s.Interrupted ? "Interrupted" : "Done")}{(s.DryRun ? " (dry run)" : "")}: {s.Processed} users processed, {s.Updated} " +
                   $"{(s.DryRun ? "would be updated" : "updated")}, {s.Unchanged} already right, {s.Failed} failed in {s.ElapsedSeconds:0.0} s " +
                   $"({s.ThroughputPerSecond:0.0}/s). Tokens fetched: {s.TokenRequests}, retries: {s.Retries}, 429s: {s.Throttled}.";
        if (s.Emulator is { } e)
            text += $"\nEmulator ledger: {e.UsersChangedOnce} users changed once, {e.UsersChangedMoreThanOnce} more than once, " +
                    $"{e.UsersUnchanged} unchanged; {e.TokenRequests} token requests, {e.FaultsServed} faults injected, {e.Throttled} throttled.";
        if (s.Run is { } r)
            text += $"\nRun '{r.RunId}': {r.PartitionsDone}/{r.Partitions} pages done, {r.Processed} users processed, {r.Updated} updated, " +
                    $"{r.Unchanged} already right, {r.Failed} failed (this worker: {s.Fleet?.PartitionsDone} pages, {s.Fleet?.PartitionsReclaimed} taken over).";
        foreach (var failure in (s.Run?.Failures ?? s.Failures).Take(10)) text += $"\n  failed {failure.UserId}: {failure.Reason}";
        if (s.Interrupted) text += s.Run is null ? "\nThe checkpoint is saved: run again with --resume to continue." : "\nStopped: the run goes on with the other workers (start one with the same --run-id to rejoin).";
        return text;
    }
}
