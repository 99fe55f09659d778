namespace GenesysCloud.Typed;

/// <summary>One page of a listing. Save <see cref="ContinuationToken"/> to resume after this page later
/// (<see cref="GenesysPageable{T}.AsPages"/>); it is null on the last page.</summary>
public sealed class GenesysPage<T>
{
    internal GenesysPage(IReadOnlyList<T> items, string? continuationToken, int? pageNumber, int? pageCount, long? total, string? correlationId)
    {
        Items = items;
        ContinuationToken = continuationToken;
        PageNumber = pageNumber;
        PageCount = pageCount;
        Total = total;
        CorrelationId = correlationId;
    }

    public IReadOnlyList<T> Items { get; }

    /// <summary>The next page's request (a path relative to the API base); null on the last page.</summary>
    public string? ContinuationToken { get; }

    public int? PageNumber { get; }
    public int? PageCount { get; }
    public long? Total { get; }
    public string? CorrelationId { get; }
}
