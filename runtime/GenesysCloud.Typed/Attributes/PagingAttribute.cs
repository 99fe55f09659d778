namespace GenesysCloud.Typed;

/// <summary>How a paged endpoint (one returning <c>IAsyncEnumerable&lt;T&gt;</c> or <see cref="GenesysPageable{T}"/>) pages.
/// Without it: page-number listing with items under <c>entities</c>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PagingAttribute(PagingStyle style) : Attribute
{
    public PagingStyle Style { get; } = style;

    /// <summary>The JSON property holding the items: <c>entities</c>, <c>results</c>, <c>conversations</c>, ….</summary>
    public string ItemsProperty { get; set; } = "entities";
}

public enum PagingStyle
{
    /// <summary><c>{entities, pageNumber, pageCount, nextUri}</c>: follow nextUri, else pageNumber + 1 up to pageCount.</summary>
    PageNumber,
    /// <summary><c>{entities, cursor, nextUri}</c>: follow nextUri, else repeat the request with <c>cursor=</c>.</summary>
    Cursor,
    /// <summary>A search: POST whose JSON body carries <c>pageNumber</c>; the answer <c>{results, pageNumber, pageCount}</c>.
    /// The next request is the same body with <c>pageNumber</c> + 1, up to pageCount. Retried like a read.</summary>
    BodyPageNumber,
    /// <summary>A search: POST whose answer carries a <c>nextPage</c> token; the next request is the same body with
    /// <c>nextPage</c> set to it, until the answer has none. Retried like a read.</summary>
    BodyNextPage,
}
