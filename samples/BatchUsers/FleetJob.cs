using Microsoft.Extensions.Logging;

namespace BatchUsers;

/// <summary>One worker of a fleet run: takes partitions (listing pages) from Redis until none is left, keeps each one's
/// lease while it works on it, records every user's outcome for the run, then waits for the others' partitions so it can
/// report the run's totals. Stopping (SIGTERM, Ctrl+C) lets in-flight users finish and hands the partition back at once.</summary>
public sealed class FleetJob
{
    private readonly IUsersApi _users;
    private readonly UserUpdateJob _job;
    private readonly JobSettings _settings;
    private readonly JobProgress _progress;
    private readonly FleetRun _run;
    private readonly TimeSpan _lease;
    private readonly ILogger _logger;

    public FleetJob(IUsersApi users, JobSettings settings, JobProgress progress, FleetRun run, TimeSpan lease, ILogger logger)
    {
        _users = users;
        _settings = settings;
        _progress = progress;
        _run = run;
        _lease = lease;
        _logger = logger;
        _job = new UserUpdateJob(users, settings, progress);
    }

    public int PartitionsDone { get; private set; }
    public int PartitionsReclaimed { get; private set; }

    /// <summary>Runs until the whole run is done (true) or <paramref name="stop"/> fires (false).</summary>
    public async Task<bool> RunAsync(CancellationToken stop)
    {
        try
        {
            return await RunPartitionsAsync(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;   // stopped while Redis was away: its bookkeeping gave up after FleetRun.StopGrace
        }
    }

    private async Task<bool> RunPartitionsAsync(CancellationToken stop)
    {
        await _run.PlanAsync(async () =>
        {
            var first = await _users.GetUsersPageAsync(_settings.PageSize, 1, _settings.State, CancellationToken.None);
            return first.PageCount;
        }, _settings.PageSize, _settings.State, $"{_settings.Change.Field}={_settings.Change.Value}", stop);
        var idle = TimeSpan.FromMilliseconds(Math.Clamp(_lease.TotalMilliseconds / 10, 50, 500));
        while (!stop.IsCancellationRequested)
        {
            var partition = await _run.ClaimAsync(stop);
            if (partition is null)
            {
                if (await _run.IsCompleteAsync(stop)) return true;
                // Others still hold partitions: wait, in case one of them dies and its lease lapses.
                try { await Task.Delay(idle, stop); } catch (OperationCanceledException) { return false; }
                continue;
            }
            if (partition.Reclaimed)
            {
                PartitionsReclaimed++;
                _logger.LogWarning("Took over page {Page}: its worker's lease lapsed", partition.Page);
            }
            if (!await WorkOnAsync(partition, stop)) return false;
            PartitionsDone++;
        }
        return false;
    }

    private async Task<bool> WorkOnAsync(Partition partition, CancellationToken stop)
    {
        using var renewing = new CancellationTokenSource();
        var renewal = RenewWhileWorkingAsync(partition, renewing.Token);
        var completed = false;
        try
        {
            // A page fetch is a GET: the pipeline retries it through faults. One that still fails leaves the partition
            // unacknowledged; its lease lapses and it is tried again (by anyone).
            UserPage page;
            try
            {
                page = await _users.GetUsersPageAsync(_settings.PageSize, partition.Page, _settings.State, CancellationToken.None);
            }
            catch (Exception ex) when (ex is GenesysCloud.Typed.GenesysApiException or GenesysCloud.Typed.GenesysTransportException
                                           or GenesysCloud.Typed.GenesysInvalidResponseException)
            {
                _logger.LogWarning("Page {Page} could not be read ({Error}); leaving it for a retry after its lease", partition.Page, ex.Message);
                return true;
            }
            _progress.Total ??= page.Total;
            var todo = page.Entities.Where(u => u.State != "deleted").ToList();
            try
            {
                await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = _settings.Concurrency, CancellationToken = stop },
                    async (user, _) =>
                    {
                        var (outcome, reason) = await _job.ProcessAsync(user);
                        // Recorded even while stopping: the change is made, the run must know.
                        if (await _run.RecordAsync(user.Id, outcome, reason, CancellationToken.None)) _progress.Record(outcome);
                    });
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return false;
            }
            await _run.CompleteAsync(partition, CancellationToken.None);
            completed = true;
            return true;
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            if (!completed && stop.IsCancellationRequested)
            {
                try { await _run.ReleaseAsync(partition, stop); }
                catch (OperationCanceledException) { }   // Redis away: the lease lapses by itself
            }
        }
    }

    private async Task RenewWhileWorkingAsync(Partition partition, CancellationToken done)
    {
        var every = _lease / 3;
        while (true)
        {
            try { await Task.Delay(every, done); } catch (OperationCanceledException) { return; }
            try
            {
                if (!await _run.RenewAsync(partition, done))
                    _logger.LogWarning("Page {Page} was taken over by another worker; finishing it anyway (outcomes count once)", partition.Page);
            }
            catch (OperationCanceledException) { return; }
        }
    }
}
