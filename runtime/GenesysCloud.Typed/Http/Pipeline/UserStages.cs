namespace GenesysCloud.Typed;

/// <summary>The user's <see cref="GenesysPipelineStage"/>s around one send, in the order they were added. The send is
/// the pipeline's: a stage that never calls next, or swallows the transport's failure, cannot make an answer up.</summary>
internal sealed class UserStages(GenesysPipelineStage[] stages, Func<HttpClient> http, long maxBytes, SecretRedactor redactor)
{
    public async ValueTask<HttpResponseMessage> SendAsync(CallScope call, HttpRequestMessage message, int attempt, bool replay, CancellationToken cancellationToken)
    {
        var view = new GenesysPipelineMessage(call.Request, message, attempt, replay, redactor, cancellationToken);
        try
        {
            await RunAsync(view, 0).ConfigureAwait(false);
        }
        catch
        {
            view.Response?.Dispose();
            throw;
        }
        view.Failure?.Throw();
        return view.Response ?? throw new InvalidOperationException(
            $"No pipeline stage sent {call.Request.Method.Method} {call.Request.RouteTemplate}: each GenesysPipelineStage must call next.ProcessAsync() once.");
    }

    internal ValueTask RunAsync(GenesysPipelineMessage message, int index) => index < stages.Length
        ? stages[index].ProcessAsync(message, new GenesysPipelineNext(this, message, index + 1))
        : message.SendAsync(http(), maxBytes);
}
