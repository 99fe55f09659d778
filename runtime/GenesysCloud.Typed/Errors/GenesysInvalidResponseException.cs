using System.Net;

namespace GenesysCloud.Typed;

/// <summary>A success status whose body is not what the endpoint promises: not JSON, truncated, the wrong shape, empty.</summary>
public sealed class GenesysInvalidResponseException : Exception
{
    public GenesysInvalidResponseException(string message, HttpStatusCode status, string? correlationId, Exception? inner = null)
        : base(correlationId is null ? message : $"{message} [correlation id {correlationId}]", inner)
    {
        Status = status;
        CorrelationId = correlationId;
    }

    public HttpStatusCode Status { get; }

    public string? CorrelationId { get; }
}
