namespace GenesysCloud.Typed;

/// <summary>The request failed in transport (connection reset, dropped, timed out) and was not retried, or retries ran
/// out. <see cref="MayHaveBeenProcessed"/> tells a batch job whether to re-read before repeating a write.</summary>
public sealed class GenesysTransportException(string message, bool mayHaveBeenProcessed, Exception inner)
    : Exception(message, inner)
{
    /// <summary>True when the request was sent: the server may have applied it although no answer arrived.</summary>
    public bool MayHaveBeenProcessed { get; } = mayHaveBeenProcessed;
}
