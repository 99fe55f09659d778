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
        new ItemEnumerator(AsPages(null, cancellationToken).GetAsyncEnumerator(cancellationToken));

    /// <summary>The pages, from the first or from <paramref name="continuationToken"/> (a page's
    /// <see cref="GenesysPage{T}.ContinuationToken"/>).</summary>
    public async IAsyncEnumerable<GenesysPage<T>> AsPages(string? continuationToken = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The token given to the API method and the one given to the enumeration both stop it.
        using var linked = _callToken.CanBeCanceled && cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(_callToken, cancellationToken) : null;
        cancellationToken = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _callToken);
        var request = continuationToken is null
            ? _first
            : _first.WithPathAndQuery(NextLink.Resolve(continuationToken, _connection.ApiBaseAddress, _first.PathAndQuery, _connection.Redactor));
        // Every page asked for, to refuse a next link that loops; made at the first next link (one page needs none).
        var firstPath = request.PathAndQuery;
        HashSet<string>? visited = null;
        // Ends a prefetch nobody will read when the consumer stops early (without prefetch nothing is left in flight).
        using var abandon = _prefetch ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        if (abandon is not null) cancellationToken = abandon.Token;
        var pending = FetchAsync(request, cancellationToken);
        try
        {
            while (true)
            {
                var (data, correlationId) = await pending.ConfigureAwait(false);
                var next = NextPath(request, data);
                if (next is not null && !(visited ??= new HashSet<string>(StringComparer.Ordinal) { firstPath }).Add(next))
                {
                    throw new GenesysPagingException(
                        $"The server's next page '{_connection.Redactor.Redact(next)}' repeats an earlier page of {request.RouteTemplate} after {visited.Count} pages; paging stopped to avoid a loop.");
                }
                var nextRequest = next is null ? null : request.WithPathAndQuery(next);
                pending = nextRequest is not null && _prefetch ? FetchAsync(nextRequest, cancellationToken) : null!;
                yield return new GenesysPage<T>(data.Items!, next, data.PageNumber, data.PageCount, data.Total, correlationId);
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

    private string? NextPath(GenesysRequest request, PageData<T> data)
    {
        if (!string.IsNullOrEmpty(data.NextUri))
            return NextLink.Resolve(data.NextUri, _connection.ApiBaseAddress, request.PathAndQuery, _connection.Redactor);
        if (_style == PagingStyle.Cursor)
            return string.IsNullOrEmpty(data.Cursor) ? null : NextLink.WithQueryParameter(request.PathAndQuery, "cursor", data.Cursor);
        return data is { PageNumber: { } number, PageCount: { } count } && number < count && data.Items!.Count > 0
            ? NextLink.WithQueryParameter(request.PathAndQuery, "pageNumber", (number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    private async Task<(PageData<T> Data, string? CorrelationId)> FetchAsync(GenesysRequest request, CancellationToken cancellationToken)
    {
        using var response = await _connection.SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) await _connection.ReadSuccessBodyAsync(response, request, cancellationToken).ConfigureAwait(false);   // throws
        var correlationId = GenesysHeaders.CorrelationIdOf(response.Headers, _connection.Redactor);
        // The pipeline buffered the body: one deserialization of the whole envelope reads it in place, without a copy.
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (PageEnvelope<T>.Read(body, _envelope, _itemsProperty), correlationId);
        }
        catch (JsonException ex)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw new GenesysInvalidResponseException(
                $"{request.Sent} answered a page that cannot be read as a listing of {typeof(T).Name}: {ex.Message} Body starts: {Excerpt.Of(bytes, _connection.Redactor)}",
                response.StatusCode, correlationId, ex);
        }
    }

    /// <summary>The items of each page in turn. Written out rather than as an async iterator: an item of a page already
    /// read is then a field read and a completed ValueTask, not a pass through a generated state machine.</summary>
    private sealed class ItemEnumerator(IAsyncEnumerator<GenesysPage<T>> pages) : IAsyncEnumerator<T>
    {
        private IReadOnlyList<T> _items = [];
        private int _next;
        private T _current = default!;

        public T Current => _current;

        public ValueTask<bool> MoveNextAsync()
        {
            if (_next >= _items.Count) return NextPageAsync();
            _current = _items[_next++];
            return new ValueTask<bool>(true);
        }

        private async ValueTask<bool> NextPageAsync()
        {
            while (await pages.MoveNextAsync().ConfigureAwait(false))
            {
                _items = pages.Current.Items;
                _next = 0;
                if (_items.Count == 0) continue;
                _current = _items[_next++];
                return true;
            }
            _current = default!;
            return false;
        }

        public ValueTask DisposeAsync() => pages.DisposeAsync();
    }
}
