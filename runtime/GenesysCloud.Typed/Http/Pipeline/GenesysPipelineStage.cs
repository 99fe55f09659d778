namespace GenesysCloud.Typed;

/// <summary>A stage of your own in every call's pipeline, the way Azure's <c>HttpPipelinePolicy</c> or a
/// <c>DelegatingHandler</c> is added: a header on every request, an audit of every write, a measurement.
/// Register it with <see cref="GenesysCloudOptions.PipelineStages"/> (or <c>AddGenesysCloud(...).AddPipelineStage&lt;T&gt;()</c>).
/// <para>Where it runs: once per attempt, inside the attempt loop — every retry and the one replay after a 401 is an
/// attempt of its own — after the pacing turn and the token were taken and before the request reaches the transport,
/// within the attempt's deadline. Stages run in the order they were added, each around the ones after it.</para>
/// <para>What it cannot do: it sees the request through <see cref="GenesysPipelineMessage"/>, which adds headers the
/// caller could add (never <c>Authorization</c>, <c>Host</c> or the body's headers) and cannot change the method, the
/// host, the path or the body; the token and the pacing turn are already taken, and its next stage sends at most
/// once, so a stage can neither skip them nor send again on its own. Retrying is the pipeline's job.</para></summary>
public abstract class GenesysPipelineStage
{
    /// <summary>Do your work, call <c>await next.ProcessAsync()</c> exactly once to send the attempt (the answer is then
    /// on <paramref name="message"/>), and return. Exceptions you throw end the call as they are (they are not retried).</summary>
    public abstract ValueTask ProcessAsync(GenesysPipelineMessage message, GenesysPipelineNext next);
}

/// <summary>The rest of the pipeline after a <see cref="GenesysPipelineStage"/>: the stages added after it, then the transport.</summary>
public readonly struct GenesysPipelineNext
{
    private readonly UserStages? _stages;
    private readonly GenesysPipelineMessage? _message;
    private readonly int _index;

    internal GenesysPipelineNext(UserStages stages, GenesysPipelineMessage message, int index)
    {
        _stages = stages;
        _message = message;
        _index = index;
    }

    /// <summary>Runs the later stages and sends the attempt; once per attempt.</summary>
    public ValueTask ProcessAsync() => _stages is null
        ? throw new InvalidOperationException("This GenesysPipelineNext was not given by the pipeline.")
        : _stages.RunAsync(_message!, _index);
}
