namespace GenesysCloud.Typed;

/// <summary>An asynchronous job: the method's <c>[Post]</c> submits the query (its <c>[Body]</c>) and answers a job id; the
/// method returns <see cref="GenesysJob{T}"/>, which polls the status, streams the results by cursor and deletes the job.
/// By default the status is at the submit path + <c>/{jobId}</c> and the results at the status path + <c>/results</c>,
/// as for every Genesys Cloud analytics details job.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AsyncJobAttribute(string itemsProperty) : Attribute
{
    /// <summary>The JSON property of a results page holding the items: <c>conversations</c>, <c>userDetails</c>, ….</summary>
    public string ItemsProperty { get; } = itemsProperty;

    /// <summary>The status path when it is not the submit path + <c>/{jobId}</c>; must contain <c>{jobId}</c>.</summary>
    public string? StatusPath { get; set; }

    /// <summary>The results path when it is not the status path + <c>/results</c>; must contain <c>{jobId}</c>.</summary>
    public string? ResultsPath { get; set; }
}
