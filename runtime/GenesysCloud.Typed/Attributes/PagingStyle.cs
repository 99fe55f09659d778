// Shared with the generator, which compiles this file in (linked) so both read the same values: keep it free of
// anything but the BCL available to netstandard2.0.
#if GENESYS_GENERATOR
namespace GenesysCloud.Typed.Generator;
#else
namespace GenesysCloud.Typed;
#endif

#if GENESYS_GENERATOR
internal enum PagingStyle
#else
/// <summary>How a paged endpoint pages; see <c>[Paging]</c>.</summary>
public enum PagingStyle
#endif
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

/// <summary>What a listing means when <c>[Paging]</c> does not say.</summary>
internal static class PagingDefaults
{
    /// <summary>The JSON property that holds a page's items.</summary>
    public const string ItemsProperty = "entities";

    /// <summary>A search that pages in its POST body: it reads, so it is retried like a GET and needs no write scope.</summary>
    public static bool PagesInBody(PagingStyle style) => style is PagingStyle.BodyPageNumber or PagingStyle.BodyNextPage;
}
