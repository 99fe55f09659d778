using System.Buffers;
using System.Text.Json;
using GenesysCloud.Typed;

namespace ConversationExport;

/// <summary>Exports every conversation of an interval to NDJSON through one analytics job: submit (once, ever, per
/// export), wait, write each results page and flush it to disk, then checkpoint the job id, the next cursor and the
/// output's length. A crash at any point resumes from the last checkpoint: the job is not submitted again, the output is
/// cut back to its last whole page, and reading continues at the saved cursor — so each conversation is written once.</summary>
public sealed class ConversationExporter(IAnalyticsApi api, ExportSettings settings, ExportProgress progress)
{
    /// <summary>Runs (or resumes) the export. Returns the final checkpoint; throws <see cref="GenesysJobException"/> when
    /// the job fails or expires, and <see cref="OperationCanceledException"/> when stopped (the job is kept to resume).</summary>
    public async Task<(ExportCheckpoint Checkpoint, int JobsSubmitted)> RunAsync(CancellationToken stop)
    {
        var interval = settings.Interval ??
            throw new ArgumentException("ExportSettings.Interval is not set (ExportApp sets it to the embedded emulator's span).");
        var checkpoint = settings.Resume ? ExportCheckpoint.Load(settings.CheckpointPath) : null;
        if (checkpoint is not null && checkpoint.Interval != interval)
            throw new ArgumentException($"The checkpoint is for the interval {checkpoint.Interval}, not {interval}; drop --resume to start over.");
        checkpoint ??= new ExportCheckpoint { Interval = interval };
        progress.Resumed(checkpoint.Exported);
        if (checkpoint.Completed) return (checkpoint, 0);

        var job = api.ExportConversations(new ConversationQuery(interval), stop).WithPageSize(settings.PageSize).KeepWhenInterrupted();
        var submitted = 0;
        if (checkpoint.JobId is { } jobId)
        {
            job = job.Resume(jobId, checkpoint.Cursor);
        }
        else
        {
            progress.Phase = "submitting";
            checkpoint.JobId = await job.SubmitAsync(stop);
            submitted = 1;
            checkpoint.Save(settings.CheckpointPath);   // from here on, a resume never submits again
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.OutputPath))!);
        await using var output = new FileStream(settings.OutputPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        output.SetLength(checkpoint.OutputBytes);   // what a crash wrote after the last checkpoint is written again below
        output.Position = checkpoint.OutputBytes;
        var pollsBefore = checkpoint.Polls;
        var lines = new ArrayBufferWriter<byte>(1 << 16);
        await using var writer = new Utf8JsonWriter(lines);
        progress.Phase = "waiting for the job";
        await foreach (var page in job.AsPages(stop))
        {
            progress.Phase = "reading results";
            lines.ResetWrittenCount();
            foreach (var conversation in page.Items)
            {
                if (conversation.ValueKind != JsonValueKind.Object)
                    throw new InvalidDataException($"The job's results hold a {conversation.ValueKind} where a conversation (an object) belongs.");
                writer.Reset(lines);
                conversation.WriteTo(writer);
                writer.Flush();
                lines.Write("\n"u8);
            }
            await output.WriteAsync(lines.WrittenMemory, CancellationToken.None);
            output.Flush(flushToDisk: true);
            checkpoint.Cursor = job.Cursor;
            checkpoint.OutputBytes = output.Position;
            checkpoint.Exported += page.Items.Count;
            checkpoint.Polls = pollsBefore + job.Polls;
            // The last page is stored: the export is complete even if the job's deletion never happens.
            checkpoint.Completed = job.IsComplete;
            checkpoint.Save(settings.CheckpointPath);
            progress.Wrote(page.Items.Count);
        }
        checkpoint.Completed = true;
        checkpoint.Cursor = null;
        checkpoint.Polls = pollsBefore + job.Polls;
        checkpoint.Save(settings.CheckpointPath);
        progress.Phase = "done";
        return (checkpoint, submitted);
    }
}
