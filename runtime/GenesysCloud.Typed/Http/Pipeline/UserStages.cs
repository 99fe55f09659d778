namespace GenesysCloud.Typed;

/// <summary>The user's <see cref="GenesysPipelineStage"/>s around one send, in the order they were added. The send is
/// the pipeline's: a stage that never calls next, or swallows the transport's failure, cannot make an answer up; a
/// stage that starts next without awaiting it cannot hide a send that happened; a stage that ignores the attempt's
/// cancellation cannot hold the call past its deadline, the caller's cancellation or disposal; and a stage's own
/// exception is not mistaken for the transport's (it reaches the caller as it is, never retried).</summary>
internal sealed class UserStages(GenesysPipelineStage[] stages, Func<HttpClient> http, long maxBytes, SecretRedactor redactor)
{
    public async ValueTask<HttpResponseMessage> SendAsync(CallScope call, HttpRequestMessage message, int attempt, bool replay, CancellationToken cancellationToken)
    {
        var view = new GenesysPipelineMessage(call.Request, message, attempt, replay, redactor, cancellationToken);
        var stagesRun = RunAsync(view, 0).AsTask();
        try
        {
            await stagesRun.WaitAsync(cancellationToken).ConfigureAwait(false);
            // Started but not awaited by a stage: the send happened or is happening; its outcome is the attempt's.
            await SendEndedAsync(view).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            view.End();
            Abandon(stagesRun, view);
            // The deadline, the caller or disposal ended the attempt inside a stage: nothing reached the wire when no
            // stage had called next, so nothing may have been processed.
            if (!view.Sent) throw new NotSentException(ex, cancellationToken);
            throw;
        }
        catch (Exception ex) when (!ReferenceEquals(ex, view.Failure?.SourceException))
        {
            view.End();
            // A send the stage started goes on to its end first: the call does not end while its request is in flight.
            await SendEndedAsync(view).ConfigureAwait(false);
            view.Response?.Dispose();
            throw new UserStageException(ex);
        }
        catch
        {
            view.End();
            view.Response?.Dispose();
            throw;
        }
        view.End();
        view.Failure?.Throw();
        // A stage that swallowed the attempt's cancellation and returned without sending: an attempt ended unsent.
        if (view.Response is null && !view.Sent && cancellationToken.IsCancellationRequested)
            throw new NotSentException(new OperationCanceledException(cancellationToken), cancellationToken);
        return view.Response ?? throw new UserStageException(new InvalidOperationException(
            $"No pipeline stage sent {call.Request.Method.Method} {call.Request.RouteTemplate}: each GenesysPipelineStage must call next.ProcessAsync() once."));
    }

    internal ValueTask RunAsync(GenesysPipelineMessage message, int index) => index < stages.Length
        ? stages[index].ProcessAsync(message, new GenesysPipelineNext(this, message, index + 1))
        : message.SendAsync(http(), maxBytes);

    // The send a stage started, once it has ended either way (its failure is on the message, so the task's is observed here).
    private static Task SendEndedAsync(GenesysPipelineMessage view) => view.Sending is { IsCompleted: false } sending
        ? sending.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
        : Task.CompletedTask;

    // A stage still running after the attempt ended: whatever it ends with is observed, and an answer it got is let go.
    private static void Abandon(Task stagesRun, GenesysPipelineMessage view) =>
        _ = stagesRun.ContinueWith(static (t, state) =>
        {
            _ = t.Exception;
            ((GenesysPipelineMessage)state!).Response?.Dispose();
        }, view, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}

/// <summary>A user stage's own exception on its way to the caller: the attempt loop does not classify it as a transport
/// failure (so it is never retried nor said to be "in transport"); the pipeline rethrows the original.</summary>
internal sealed class UserStageException(Exception inner) : Exception(inner.Message, inner);

/// <summary>The attempt ended (deadline, caller, disposal) before any stage let it reach the transport: it was not sent.</summary>
internal sealed class NotSentException(OperationCanceledException inner, CancellationToken token)
    : OperationCanceledException(inner.Message, inner, token);
