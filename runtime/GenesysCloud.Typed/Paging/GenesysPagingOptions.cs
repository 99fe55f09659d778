namespace GenesysCloud.Typed;

/// <summary>How a paged walk (listings, searches, job results) decides that the server has stopped making progress.</summary>
public sealed class GenesysPagingOptions
{
    /// <summary>How many pages in a row may come back without items while the server still points to a next page (a new
    /// cursor, nextUri, nextPage token or a pageCount beyond the page). One more such page ends the walk with
    /// <see cref="GenesysPagingException"/> instead of asking for pages forever. Genesys answers an empty page only at the
    /// end of a listing, so the default (5) tolerates a few odd answers and stops a broken server after 6 requests.</summary>
    public int MaxConsecutiveEmptyPages { get; set; } = 5;

    internal IEnumerable<string> Validate()
    {
        if (MaxConsecutiveEmptyPages < 0) yield return $"Paging.MaxConsecutiveEmptyPages must be 0 or more (is {MaxConsecutiveEmptyPages}).";
    }
}
