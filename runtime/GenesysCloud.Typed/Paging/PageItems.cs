namespace GenesysCloud.Typed;

/// <summary>The items of each page in turn. Written out rather than as an async iterator: an item of a page already
/// read is then a field read and a completed ValueTask, not a pass through a generated state machine.</summary>
internal sealed class PageItems<T>(IAsyncEnumerator<GenesysPage<T>> pages) : IAsyncEnumerator<T>
{
    private List<T> _items = [];
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
            _items = pages.Current.ItemList;
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
