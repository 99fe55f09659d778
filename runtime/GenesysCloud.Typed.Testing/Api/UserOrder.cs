namespace GenesysCloud.Typed.Testing.Api;

/// <summary>One user's place in the store: the indexes hold slots, so a PATCH that keeps the name swaps the record in
/// place without touching any index. Written under the store's lock; read without it by index builds (a volatile
/// reference to an immutable record).</summary>
internal sealed class UserSlot(EmulatedUser user)
{
    private volatile EmulatedUser _user = user;

    public EmulatedUser User { get => _user; set => _user = value; }
}

/// <summary>A slot in an index, filed under <see cref="Key"/>: the record it held when filed. An index stays ordered by
/// its keys even while a build outside the store's lock reads slots that PATCHes change meanwhile.</summary>
internal readonly record struct UserEntry(UserSlot Slot, EmulatedUser Key);

/// <summary>Users in listing order (name, then id, ordinal) with rank lookup: a list of sorted blocks of at most
/// 512 slots and a Fenwick tree over the block sizes. Finding rank r or a key's place costs O(log n),
/// an insert or removal O(log n + 512), reading k users from a rank O(k). Not thread-safe: the store locks.</summary>
internal sealed class UserOrder
{
    private const int DefaultMaxBlock = 512;
    private readonly int _maxBlock;
    private readonly List<List<UserEntry>> _blocks = [];
    private int[] _tree = [0];   // Fenwick tree over _blocks[i].Count, 1-based

    /// <summary>Slots read plus comparisons and tree steps made: what an answer costs, for tests of the complexity class.</summary>
    public long Steps { get; private set; }

    public int Count { get; private set; }

    /// <summary>Builds from entries already in listing order of their keys. Tests pass a small <paramref name="maxBlock"/>
    /// to split and drop blocks often.</summary>
    public UserOrder(IReadOnlyList<UserEntry> sorted, int maxBlock = DefaultMaxBlock)
    {
        if (maxBlock < 2) throw new ArgumentOutOfRangeException(nameof(maxBlock), maxBlock, "A block holds at least 2 users.");
        _maxBlock = maxBlock;
        // Half-full blocks leave room for inserts before the first split.
        for (var i = 0; i < sorted.Count; i += _maxBlock / 2)
        {
            var block = new List<UserEntry>(_maxBlock + 1);
            for (var j = i; j < Math.Min(sorted.Count, i + _maxBlock / 2); j++) block.Add(sorted[j]);
            _blocks.Add(block);
        }
        Count = sorted.Count;
        RebuildTree();
    }

    public static int Compare(EmulatedUser a, EmulatedUser b)
    {
        var byName = string.CompareOrdinal(a.Name, b.Name);
        return byName != 0 ? byName : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>Inserts the slot filed under its current record.</summary>
    public void Add(UserSlot slot)
    {
        var entry = new UserEntry(slot, slot.User);
        if (_blocks.Count == 0)
        {
            _blocks.Add(new List<UserEntry>(_maxBlock + 1) { entry });
            Count = 1;
            RebuildTree();
            return;
        }
        var b = BlockFor(entry.Key);
        var block = _blocks[b];
        block.Insert(LowerBound(block, entry.Key), entry);
        Count++;
        if (block.Count > _maxBlock)
        {
            var upper = block.GetRange(_maxBlock / 2, block.Count - _maxBlock / 2);
            upper.Capacity = _maxBlock + 1;
            block.RemoveRange(_maxBlock / 2, block.Count - _maxBlock / 2);
            _blocks.Insert(b + 1, upper);
            RebuildTree();   // once per MaxBlock/2 inserts at most: amortised O(n / block²)
        }
        else
        {
            AddToTree(b, 1);
        }
    }

    /// <summary>Removes the entry filed under <paramref name="key"/> (same name and id); false when absent.</summary>
    public bool Remove(EmulatedUser key)
    {
        if (_blocks.Count == 0) return false;
        var b = BlockFor(key);
        var block = _blocks[b];
        var i = LowerBound(block, key);
        if (i >= block.Count || Compare(block[i].Key, key) != 0) return false;
        block.RemoveAt(i);
        Count--;
        if (block.Count == 0)
        {
            _blocks.RemoveAt(b);
            RebuildTree();
        }
        else
        {
            AddToTree(b, -1);
        }
        return true;
    }

    /// <summary>Up to <paramref name="take"/> users from rank <paramref name="skip"/> (counted from the end when descending).</summary>
    public List<EmulatedUser> Range(long skip, int take, bool descending)
    {
        var wanted = (int)Math.Clamp(Count - skip, 0, Math.Max(take, 0));
        var result = new List<EmulatedUser>(wanted);
        if (wanted == 0) return result;
        var rank = descending ? Count - 1 - (int)skip : (int)skip;
        var (b, i) = Locate(rank);
        while (result.Count < wanted)
        {
            Steps++;
            result.Add(_blocks[b][i].Slot.User);
            if (descending)
            {
                if (--i < 0 && --b >= 0) i = _blocks[b].Count - 1;
            }
            else if (++i == _blocks[b].Count)
            {
                b++;
                i = 0;
            }
        }
        return result;
    }

    // The first block whose last user is not before the key (the last block when the key is after everyone).
    private int BlockFor(EmulatedUser key)
    {
        int lo = 0, hi = _blocks.Count - 1;
        while (lo < hi)
        {
            Steps++;
            var mid = (lo + hi) >>> 1;
            if (Compare(_blocks[mid][^1].Key, key) < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private int LowerBound(List<UserEntry> block, EmulatedUser key)
    {
        int lo = 0, hi = block.Count;
        while (lo < hi)
        {
            Steps++;
            var mid = (lo + hi) >>> 1;
            if (Compare(block[mid].Key, key) < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    // (block, index in it) of a rank: a descent of the Fenwick tree.
    private (int Block, int Index) Locate(int rank)
    {
        var position = 0;
        for (var step = HighestPowerOfTwo(_blocks.Count); step > 0; step >>= 1)
        {
            Steps++;
            if (position + step <= _blocks.Count && _tree[position + step] <= rank)
            {
                position += step;
                rank -= _tree[position];
            }
        }
        return (position, rank);
    }

    private void AddToTree(int block, int delta)
    {
        for (var i = block + 1; i < _tree.Length; i += i & -i)
        {
            Steps++;
            _tree[i] += delta;
        }
    }

    private void RebuildTree()
    {
        _tree = new int[_blocks.Count + 1];
        for (var i = 1; i <= _blocks.Count; i++)
        {
            _tree[i] += _blocks[i - 1].Count;
            var parent = i + (i & -i);
            if (parent <= _blocks.Count) _tree[parent] += _tree[i];
        }
    }

    private static int HighestPowerOfTwo(int n)
    {
        var p = 1;
        while (p * 2 <= n) p *= 2;
        return n == 0 ? 0 : p;
    }
}
