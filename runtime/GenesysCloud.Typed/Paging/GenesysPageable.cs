using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GenesysCloud.Typed;

/// <summary>A paged listing: enumerate the items (<c>await foreach</c>), or the pages with a continuation token to
/// checkpoint and resume. Each page is one request through the connection's full pipeline.</summary>
public sealed class GenesysPageable<T> : IAsyncEnumerable<T>
{
    private readonly GenesysCloudConnection _connection;
    private readonly GenesysRequest _first;
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly PagingStyle _style;
    private readonly string _itemsProperty;
    private readonly bool _prefetch;
    private readonly CancellationToken _callToken;
    private readonly JsonTypeInfo<PageData<T>> _envelope;

    internal GenesysPageable(GenesysCloudConnection connection, GenesysRequest first, JsonTypeInfo<T> typeInfo, PagingStyle style,
        string itemsProperty, bool prefetch, CancellationToken callToken)
    {
        _callToken = callToken;
        _connection = connection;
        if (PagingDefaults.PagesInBody(style))
        {
            SearchBody.EnsureObject(first, style);
            first = first.AsRead();
        }
        _first = first;
        _typeInfo = typeInfo;
        _style = style;
        _itemsProperty = itemsProperty;
        _prefetch = prefetch;
        _envelope = PageEnvelope<T>.For(typeInfo, itemsProperty);
    }

    /// <summary>Fetch the next page while the current one is consumed.</summary>
    public GenesysPageable<T> WithPrefetch(bool enabled = true) =>
        new(_connection, _first, _typeInfo, _style, _itemsProperty, enabled, _callToken);

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new PageItems<T>(AsPages(null, cancellationToken).GetAsyncEnumerator(cancellationToken));

    /// <summary>The pages, from the first or from <paramref name="continuationToken"/> (a page's
    /// <see cref="GenesysPage{T}.ContinuationToken"/>).</summary>
    public async IAsyncEnumerable<GenesysPage<T>> AsPages(string? continuationToken = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The token given to the API method and the one given to the enumeration both stop it.
        using var linked = _callToken.CanBeCanceled && cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(_callToken, cancellationToken) : null;
        cancellationToken = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _callToken);
        var request = continuationToken is null ? _first : Continue(continuationToken);
        // Every page asked for, to refuse a next link or token that loops; made at the first next page (one page needs none).
        var firstKey = KeyOf(request);
        VisitedPages? visited = null;
        // Ends a prefetch nobody will read when the consumer stops early (without prefetch nothing is left in flight).
        using var abandon = _prefetch ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        if (abandon is not null) cancellationToken = abandon.Token;
        // Pages in a row that had no items yet pointed onward: a server that never runs out of them is not making progress.
        var emptyRun = 0;
        var pending = FetchAsync(request, cancellationToken);
        try
        {
            while (true)
            {
                var (data, correlationId) = await pending.ConfigureAwait(false);
                var next = NextKey(request, data);
                if (next is not null && !(visited ??= First(firstKey)).Add(next))
                {
                    throw new GenesysPagingException(
                        $"The server's next page '{_connection.Responses.Redact(next)}' repeats an earlier page of {request.RouteTemplate} after {visited.Count} pages; paging stopped to avoid a loop.");
                }
                emptyRun = data.Items!.Count == 0 && next is not null ? emptyRun + 1 : 0;
                if (emptyRun > _connection.Options.Paging.MaxConsecutiveEmptyPages)
                {
                    throw new GenesysPagingException(
                        $"{request.RouteTemplate} answered {emptyRun} pages in a row without items, each pointing to another page (the last to " +
                        $"'{_connection.Responses.Redact(next!)}'); paging stopped because the server is not making progress " +
                        $"(Paging.MaxConsecutiveEmptyPages is {_connection.Options.Paging.MaxConsecutiveEmptyPages}).");
                }
                var nextRequest = next is null ? null : RequestFor(request, next);
                pending = nextRequest is not null && _prefetch ? FetchAsync(nextRequest, cancellationToken) : null!;
                yield return new GenesysPage<T>(data.Items!, next, data.PageNumber, data.PageCount, data.Total, correlationId,
                    next is not null && _style == PagingStyle.Cursor ? data.Cursor : null);
                if (nextRequest is null) yield break;
                request = nextRequest;
                if (!_prefetch) pending = FetchAsync(request, cancellationToken);
            }
        }
        finally
        {
            // A consumer that stops early leaves a prefetched page behind: cancel it, and observe it so its failure is not
            // unobserved.
            if (pending is not null)
            {
                if (!pending.IsCompleted) abandon?.Cancel();
                _ = pending.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }
    }

    private VisitedPages First(string firstKey)
    {
        var visited = new VisitedPages(keysAreLinks: !PagingDefaults.PagesInBody(_style));
        visited.Add(firstKey);
        return visited;
    }

    /// <summary>The request a saved continuation token stands for.</summary>
    private GenesysRequest Continue(string token) => _style switch
    {
        PagingStyle.BodyPageNumber => int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 1
            ? RequestFor(_first, token)
            : throw new GenesysPagingException($"'{_connection.Responses.Redact(token)}' is not a continuation token of this search (a page number).") ,
        PagingStyle.BodyNextPage => RequestFor(_first, CheckedToken(token, _first)),
        _ => _first.WithPathAndQuery(NextLink.Resolve(token, _connection.ApiBaseAddress, _first.PathAndQuery, _connection.Responses.Redactor)),
    };

    /// <summary>What identifies a page among those asked for: its path, or its position in the search body.</summary>
    private string KeyOf(GenesysRequest request) => _style switch
    {
        PagingStyle.BodyPageNumber => SearchBody.PageNumberOf(request.Body!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture),
        PagingStyle.BodyNextPage => SearchBody.NextPageOf(request.Body!.Value) ?? "",
        _ => request.PathAndQuery,
    };

    /// <summary>The next page's request from its key (a path, a page number, a nextPage token).</summary>
    private GenesysRequest RequestFor(GenesysRequest request, string key) => _style switch
    {
        PagingStyle.BodyPageNumber => request.WithBody(SearchBody.With(request.Body!.Value, SearchBody.PageNumber,
            int.Parse(key, System.Globalization.CultureInfo.InvariantCulture))),
        PagingStyle.BodyNextPage => request.WithBody(SearchBody.With(request.Body!.Value, SearchBody.NextPage, key)),
        _ => request.WithPathAndQuery(key),
    };

    /// <summary>A nextPage token goes back to the server only inside the body, but one that names a place must name this
    /// search's API on the configured host, like a next link; anything unprintable or huge is refused.</summary>
    private string CheckedToken(string token, GenesysRequest request)
    {
        if (token.Length > MaxLength || token.Any(char.IsControl) || Utf16.IndexOfUnpairedSurrogate(token) >= 0)
        {
            throw new GenesysPagingException(
                $"The server's nextPage token for {request.RouteTemplate} is not one this client will send back (longer than {MaxLength} characters, control characters or text with no UTF-8 form).");
        }
        if (token.StartsWith('/') || token.Contains("://", StringComparison.Ordinal) || token.StartsWith("//", StringComparison.Ordinal))
            NextLink.Resolve(token, _connection.ApiBaseAddress, request.PathAndQuery, _connection.Responses.Redactor);
        return token;
    }

    /// <summary>The longest next link, cursor or token a walk follows (a server that grows them would otherwise make every
    /// request larger without bound).</summary>
    private const int MaxLength = 64 * 1024;

    private string? NextKey(GenesysRequest request, PageData<T> data)
    {
        switch (_style)
        {
            case PagingStyle.BodyPageNumber:
            {
                // A page count that says there is more is followed, even past an empty page (a run of those is bounded in
                // AsPages); an answer without one ends at an empty page. Nothing is left out silently.
                var number = data.PageNumber ?? SearchBody.PageNumberOf(request.Body!.Value);
                var more = data.PageCount is { } count ? number < count : data.Items!.Count > 0;
                return more ? After(number, request) : null;
            }
            case PagingStyle.BodyNextPage:
                return string.IsNullOrEmpty(data.NextPage) ? null : CheckedToken(data.NextPage, request);
            default:
                return NextPath(request, data);
        }
    }

    /// <summary>The page number after <paramref name="number"/>, which must be one a server can be asked for.</summary>
    private static string After(int number, GenesysRequest request) => number is >= 0 and < int.MaxValue
        ? (number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : throw new GenesysPagingException($"{request.RouteTemplate} answered page number {number}, after which there is no page this client can ask for; paging stopped.");

    private string? NextPath(GenesysRequest request, PageData<T> data)
    {
        if (data.NextUri is { Length: > MaxLength } || data.Cursor is { Length: > MaxLength })
            throw new GenesysPagingException($"{request.RouteTemplate} answered a next link or cursor longer than {MaxLength} characters; paging stopped rather than send it.");
        if (!string.IsNullOrEmpty(data.NextUri))
            return NextLink.Resolve(data.NextUri, _connection.ApiBaseAddress, request.PathAndQuery, _connection.Responses.Redactor);
        if (_style == PagingStyle.Cursor)
            return string.IsNullOrEmpty(data.Cursor) ? null : NextLink.WithQueryParameter(request.PathAndQuery, "cursor", data.Cursor);
        // Without a nextUri, a page count that says there is more is still followed (empty pages in a row are bounded).
        return data is { PageNumber: { } number, PageCount: { } count } && number < count
            ? NextLink.WithQueryParameter(request.PathAndQuery, "pageNumber", After(number, request))
            : null;
    }

    private async Task<(PageData<T> Data, string? CorrelationId)> FetchAsync(GenesysRequest request, CancellationToken cancellationToken)
    {
        using var response = await _connection.SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        var correlationId = _connection.Responses.CorrelationIdOf(response);
        // The transport buffered the body: one deserialization of the whole envelope reads it in place, without a copy.
        var data = await _connection.Responses.ReadAsync(response, request, this, static (body, self) => PageEnvelope<T>.Read(body, self._envelope, self._itemsProperty),
            typeof(T), page: true, cancellationToken).ConfigureAwait(false) ?? throw _connection.Responses.Empty(request, response, typeof(T));
        if (data.Unreadable is { } unreadable && Unusable(unreadable) is { } field)
        {
            throw new GenesysInvalidResponseException(
                $"{request.Sent} answered a page whose '{field}' is {_connection.Responses.Redact(unreadable[field])}, which this client cannot follow as a " +
                $"{(field is "pageNumber" or "pageCount" ? "page number" : "next page")}; paging stopped rather than skip or repeat pages.",
                response.StatusCode, correlationId);
        }
        return (data, correlationId);
    }

    /// <summary>The first unreadable field the walk's style steers by (others do not matter to it).</summary>
    private string? Unusable(Dictionary<string, string> unreadable)
    {
        string[] fields = _style switch
        {
            PagingStyle.BodyPageNumber => ["pageNumber", "pageCount"],
            PagingStyle.BodyNextPage => ["nextPage"],
            PagingStyle.Cursor => ["nextUri", "cursor"],
            _ => ["nextUri", "pageNumber", "pageCount"],
        };
        foreach (var field in fields)
            if (unreadable.ContainsKey(field)) return field;
        return null;
    }
}
