using System.Net;
using GenesysCloud.Typed;

namespace BatchUsers;

/// <summary>Sets one field on every user, page by page with bounded concurrency. Correct when responses are lost: a
/// PATCH whose outcome is unknown is followed by a re-read, so a change is applied once and counted once. Stopping (Ctrl+C)
/// lets in-flight users finish and saves a checkpoint to resume from.</summary>
public sealed class UserUpdateJob
{
    private const int MaxAttemptsPerUser = 6;
    private readonly IUsersApi _users;
    private readonly JobSettings _settings;
    private readonly JobProgress _progress;

    public UserUpdateJob(IUsersApi users, JobSettings settings, JobProgress progress)
    {
        _users = users;
        _settings = settings;
        _progress = progress;
    }

    /// <summary>Runs until every page is done or <paramref name="stop"/> fires. Returns false when interrupted.</summary>
    public async Task<(bool Completed, Checkpoint Checkpoint)> RunAsync(CancellationToken stop)
    {
        var checkpoint = _settings.Resume ? Checkpoint.Load(_settings.CheckpointPath) : new Checkpoint();
        if (checkpoint.Completed) return (true, checkpoint);
        _progress.Restore(checkpoint);
        var gate = new object();
        var lastSave = DateTime.UtcNow;

        void SaveNow()
        {
            lock (gate)
            {
                checkpoint.Processed = _progress.Processed;
                checkpoint.Updated = _progress.Updated;
                checkpoint.Unchanged = _progress.Unchanged;
                checkpoint.Save(_settings.CheckpointPath);
                lastSave = DateTime.UtcNow;
            }
        }

        // Page fetches are not cancelled by a stop: the stop only keeps new users from starting.
        await foreach (var page in _users.ListUsers(_settings.PageSize, _settings.State).AsPages(checkpoint.PageToken, CancellationToken.None))
        {
            _progress.Total ??= page.Total;
            var todo = page.Items.Where(u => !checkpoint.DoneOnPage.Contains(u.Id) && u.State != "deleted").ToList();
            try
            {
                await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = _settings.Concurrency, CancellationToken = stop },
                    async (user, _) =>
                    {
                        var (outcome, reason) = await ProcessAsync(user);
                        lock (gate)
                        {
                            checkpoint.DoneOnPage.Add(user.Id);
                            if (outcome == Outcome.Failed) checkpoint.Failures.Add(new Failure(user.Id, reason!));
                        }
                        _progress.Record(outcome);
                        if (DateTime.UtcNow - lastSave > TimeSpan.FromSeconds(2)) SaveNow();
                    });
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                SaveNow();
                return (false, checkpoint);
            }
            lock (gate)
            {
                checkpoint.PageToken = page.ContinuationToken;
                checkpoint.DoneOnPage.Clear();
                checkpoint.Completed = page.ContinuationToken is null;
            }
            SaveNow();
            if (stop.IsCancellationRequested && !checkpoint.Completed) return (false, checkpoint);
        }
        lock (gate) checkpoint.Completed = true;
        SaveNow();
        return (true, checkpoint);
    }

    /// <summary>One user: skip it if already right, else PATCH with its version; on a conflict or an unknown outcome,
    /// re-read and decide again. Requests are never cancelled half-way.</summary>
    internal async Task<(Outcome, string?)> ProcessAsync(User listed)
    {
        var change = _settings.Change;
        var current = listed;
        var sentUncertain = false;   // a PATCH of ours may have been applied without our hearing of it
        string? lastProblem = null;
        for (var attempt = 1; attempt <= MaxAttemptsPerUser; attempt++)
        {
            if (change.IsApplied(current)) return (sentUncertain ? Outcome.Updated : Outcome.Unchanged, null);
            if (!_settings.Apply) return (Outcome.Updated, null);   // dry run: it would be updated
            try
            {
                await _users.UpdateUserAsync(current.Id, change.Patch(current));
                return (Outcome.Updated, null);
            }
            catch (GenesysApiException ex) when (IsVersionConflict(ex))
            {
                lastProblem = $"version conflict ({ex.CorrelationId})";
            }
            catch (GenesysApiException ex) when ((int)ex.Status >= 500)
            {
                // Not retried by the pipeline (PATCH is not idempotent) and maybe applied: find out.
                sentUncertain = true;
                lastProblem = $"{(int)ex.Status} {ex.Code} ({ex.CorrelationId})";
            }
            catch (GenesysTransportException ex) when (ex.MayHaveBeenProcessed)
            {
                sentUncertain = true;
                lastProblem = "response lost: " + ex.InnerException?.Message;
            }
            catch (Exception ex) when (ex is GenesysApiException or GenesysInvalidResponseException or GenesysTransportException)
            {
                return (Outcome.Failed, ex.Message);
            }

            try
            {
                current = await _users.GetUserAsync(current.Id);
            }
            catch (Exception ex) when (ex is GenesysApiException or GenesysInvalidResponseException or GenesysTransportException)
            {
                return (Outcome.Failed, "re-reading after " + lastProblem + " failed: " + ex.Message);
            }
        }
        return (Outcome.Failed, $"gave up after {MaxAttemptsPerUser} attempts; last: {lastProblem}");
    }

    private static bool IsVersionConflict(GenesysApiException ex) =>
        ex.Status == HttpStatusCode.Conflict ||
        (ex.Status == HttpStatusCode.BadRequest && ex.Message.Contains("does not match the current version", StringComparison.OrdinalIgnoreCase));
}
