namespace GenesysCloud.Typed;

/// <summary>One page of a listing. Save <see cref="ContinuationToken"/> to resume after this page later
/// (<see cref="GenesysPageable{T}.AsPages"/>); it is null on the last page.</summary>
public sealed class GenesysPage<T>
{
    internal GenesysPage(List<T> items, string? continuationToken, int? pageNumber, int? pageCount, long? total, string? correlationId,
        string? cursor = null)
    {
        Cursor = cursor;
        ItemList = items;
        ContinuationToken = continuationToken;
        PageNumber = pageNumber;
        PageCount = pageCount;
        Total = total;
        CorrelationId = correlationId;
    }

    public IReadOnlyList<T> Items => ItemList;

    /// <summary>The items as read: enumerating them item by item then costs no interface call per item.</summary>
    internal List<T> ItemList { get; }

    /// <summary>The next page's request (a path relative to the API base); null on the last page.</summary>
    public string? ContinuationToken { get; }

    /// <summary>The server's cursor for the next page, on a cursor listing (an analytics job's results); null on the
    /// last page and for other styles. Save it to resume (for a job: <c>GenesysJob.Resume(jobId, cursor)</c>).</summary>
    public string? Cursor { get; }

    public int? PageNumber { get; }
    public int? PageCount { get; }
    public long? Total { get; }
    public string? CorrelationId { get; }
}
