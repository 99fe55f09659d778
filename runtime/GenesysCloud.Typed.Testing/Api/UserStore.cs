namespace GenesysCloud.Typed.Testing.Api;

/// <summary>The org's users: deterministic from the seed, changed only through <see cref="TryPatch"/>. Every answer
/// costs O(log n) to find its page plus the page's size (see <see cref="UserOrder"/>).</summary>
internal sealed class UserStore
{
    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John", "Margaret", "Ken", "Radia", "Tim", "Shafi", "Leslie", "Niklaus", "Sophie"];
    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Backus", "Hamilton", "Thompson", "Perlman", "Berners-Lee", "Goldwasser", "Lamport", "Wirth", "Wilson"];
    private static readonly string[] Departments = ["Sales", "Support", "Billing", "Retention", "Onboarding"];
    private static readonly Json.DivisionRef HomeDivision = new("8a3b2c1d-0000-4000-8000-000000000001", "Home", "/api/v2/authorization/divisions/8a3b2c1d-0000-4000-8000-000000000001");

    // Search indexes kept at once: each costs an entry (16 bytes) per matching user and a filter call per PATCH. The
    // cache is bounded by entries (memory), not by count, so walking many selective searches at once never rebuilds.
    private const int DefaultMaxSearches = 256;
    private const int EntriesPerUser = 16;
    private static readonly string[] States = ["any", "active", "inactive", "deleted"];

    private readonly object _gate = new();
    private readonly Dictionary<string, UserSlot> _byId = new(StringComparer.Ordinal);
    // One index per listing state, always kept; one per recent search, kept while used. Every index is in listing
    // order (name, then id) and is updated by each PATCH, so no answer sorts or filters the whole org.
    private readonly Dictionary<string, View> _stateViews = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedListNode<SearchView>> _searchViews = new(StringComparer.Ordinal);
    private readonly LinkedList<SearchView> _searchUse = new();   // most recently used first
    private readonly List<SearchBuild> _builds = [];             // builds running outside the lock
    private readonly UserSlot[] _slots;                          // every user; the set never changes, so builds read it unlocked
    private readonly int _maxBlock, _maxSearches;
    private readonly long _maxSearchEntries;
    private long _searchEntries, _retiredSteps, _idLookups;

    // maxBlock: users per index block before it splits; tests make it small to split often. maxSearches and
    // maxSearchEntries bound the search cache (default: 256 searches holding at most 16 entries per user in all).
    public UserStore(int count, int seed, int maxBlock = 512, int maxSearches = DefaultMaxSearches, long? maxSearchEntries = null)
    {
        _maxBlock = maxBlock;
        _maxSearches = maxSearches;
        _maxSearchEntries = maxSearchEntries ?? EntriesPerUser * (long)Math.Max(count, 1024);
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var idBytes = new byte[16];
            random.NextBytes(idBytes);
            idBytes[7] = (byte)((idBytes[7] & 0x0F) | 0x40); // version 4 shape
            var id = new Guid(idBytes).ToString();
            var username = $"{first}.{last}.{i + 1}".ToLowerInvariant() + "@example.com";
            var user = new EmulatedUser
            {
                Id = id,
                Name = $"{first} {last} {i + 1}",
                Email = username,
                Username = username,
                Department = Departments[random.Next(Departments.Length)],
                Title = "Agent",
                // Roughly one in twenty users is inactive, as in a real org.
                State = random.Next(20) == 0 ? "inactive" : "active",
                Version = 1,
                Division = HomeDivision,
            };
            _byId.Add(id, new UserSlot(user));
        }
        _slots = _byId.Values.ToArray();
        var sorted = _slots.Select(s => new UserEntry(s, s.User)).ToArray();
        Array.Sort(sorted, (a, b) => UserOrder.Compare(a.Key, b.Key));
        foreach (var name in States)
        {
            Func<EmulatedUser, bool> filter = name == "any" ? _ => true : u => u.State == name;
            _stateViews[name] = new View(filter, new UserOrder(name == "any" ? sorted : Array.FindAll(sorted, e => filter(e.Key)), maxBlock));
        }
    }

    /// <summary>Search indexes cached now and the entries they hold (for tests of the cache's bound).</summary>
    internal (int Searches, long Entries) SearchCache { get { lock (_gate) return (_searchViews.Count, _searchEntries); } }

    public int Count { get { lock (_gate) return _byId.Count; } }

    /// <summary>Slots read, comparisons and tree steps made by every index so far: what answers cost, for tests that
    /// prove a page's cost does not grow with the org.</summary>
    internal long Steps
    {
        get
        {
            lock (_gate)
                return _retiredSteps + _idLookups + _stateViews.Values.Sum(v => v.Order.Steps) + _searchUse.Sum(v => v.Order.Steps);
        }
    }

    public EmulatedUser? Find(string id) { lock (_gate) return _byId.GetValueOrDefault(id)?.User; }

    /// <summary>Every user in listing order (a copy).</summary>
    public IReadOnlyList<EmulatedUser> All() { lock (_gate) return _stateViews["any"].Order.Range(0, int.MaxValue, descending: false); }

    /// <summary>A page of the users in <paramref name="state"/> (active, inactive, deleted or any) and their total:
    /// O(log n + take).</summary>
    public UserPage Page(string state, bool descending, long skip, int take)
    {
        lock (_gate)
        {
            var order = _stateViews[state].Order;
            return new UserPage(order.Range(skip, take, descending), order.Count);
        }
    }

    /// <summary>A page of the listed users among <paramref name="ids"/>: O(k log k) for k ids, whatever the org's size.</summary>
    public UserPage PageOf(IReadOnlyCollection<string> ids, string state, bool descending, long skip, int take)
    {
        var matches = new List<EmulatedUser>(ids.Count);
        lock (_gate)
        {
            _idLookups += ids.Count;
            foreach (var id in ids)
            {
                if (_byId.TryGetValue(id, out var slot) && (state == "any" || slot.User.State == state)) matches.Add(slot.User);
            }
        }
        matches.Sort(descending ? (a, b) => UserOrder.Compare(b, a) : UserOrder.Compare);
        var page = skip >= matches.Count ? [] : matches.GetRange((int)skip, (int)Math.Min(take, matches.Count - skip));
        return new UserPage(page, matches.Count);
    }

    /// <summary>A page of the users a search matches. The first search with a given <paramref name="key"/> reads the whole
    /// org once to build its index, outside the store's lock (other callers do not wait for it); later pages of it (and
    /// PATCHes) cost O(log n + take) while it stays cached: the most recently used searches holding at most
    /// 16 entries per user in all (256 searches at most).</summary>
    public UserPage Search(string key, Func<EmulatedUser, bool> filter, bool descending, long skip, int take)
    {
        SearchBuild build;
        lock (_gate)
        {
            if (_searchViews.TryGetValue(key, out var cached)) return Answer(cached, descending, skip, take);
            build = new SearchBuild();
            _builds.Add(build);
        }

        // Unlocked: read every slot once (PATCHes meanwhile are logged in the build), sort what matched by the record read.
        var matches = new List<UserEntry>();
        foreach (var slot in _slots)
        {
            var user = slot.User;
            if (filter(user)) matches.Add(new UserEntry(slot, user));
        }
        matches.Sort((a, b) => UserOrder.Compare(a.Key, b.Key));
        var order = new UserOrder(matches, _maxBlock);

        lock (_gate)
        {
            _builds.Remove(build);
            _retiredSteps += _slots.Length;
            if (_searchViews.TryGetValue(key, out var cached))
            {
                _retiredSteps += order.Steps;   // another caller built it first
                return Answer(cached, descending, skip, take);
            }
            // Catch up: a user patched during the build may be filed under any record it held since; refile it under its current one.
            foreach (var (slot, before) in build.Patched)
            {
                order.Remove(before);
            }
            foreach (var slot in build.Patched.Select(p => p.Slot).Distinct())
            {
                order.Remove(slot.User);
                if (filter(slot.User)) order.Add(slot);
            }
            var node = _searchUse.AddFirst(new SearchView(key, filter, order));
            _searchViews[key] = node;
            _searchEntries += order.Count + 1;
            // Evict the least recently used, but never the search just built.
            while ((_searchViews.Count > _maxSearches || _searchEntries > _maxSearchEntries) && _searchUse.Last != node)
            {
                var oldest = _searchUse.Last!.Value;
                _searchUse.RemoveLast();
                _searchViews.Remove(oldest.Key);
                _searchEntries -= oldest.Order.Count + 1;
                _retiredSteps += oldest.Order.Steps;
            }
            return Answer(node, descending, skip, take);
        }
    }

    // Under the lock.
    private UserPage Answer(LinkedListNode<SearchView> node, bool descending, long skip, int take)
    {
        _searchUse.Remove(node);
        _searchUse.AddFirst(node);
        return new UserPage(node.Value.Order.Range(skip, take, descending), node.Value.Order.Count);
    }

    public PatchOutcome TryPatch(string id, Json.UserPatch patch, out EmulatedUser? result)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var slot)) { result = null; return PatchOutcome.NotFound; }
            var current = slot.User;
            if (patch.Version != current.Version) { result = current; return PatchOutcome.VersionConflict; }
            var updated = current with
            {
                Name = patch.Name ?? current.Name,
                Department = patch.Department ?? current.Department,
                Title = patch.Title ?? current.Title,
                Email = patch.Email ?? current.Email,
                State = patch.State ?? current.State,
                Version = current.Version + 1,
            };
            // An index moves the user only when it gains or loses them, or when the name (its sort key) changes.
            var renamed = !string.Equals(updated.Name, current.Name, StringComparison.Ordinal);
            var moves = new List<(UserOrder Order, bool Now)>();
            foreach (var (filter, order) in _stateViews.Values.Select(v => (v.Filter, v.Order)).Concat(_searchUse.Select(v => (v.Filter, v.Order))))
            {
                bool was = filter(current), now = filter(updated);
                if (was != now || (renamed && now))
                {
                    if (was) order.Remove(current);
                    moves.Add((order, now));
                }
            }
            slot.User = updated;
            foreach (var (order, now) in moves)
            {
                if (now) order.Add(slot);
            }
            foreach (var build in _builds) build.Patched.Add((slot, current));
            result = updated;
            return PatchOutcome.Applied;
        }
    }

    private sealed record View(Func<EmulatedUser, bool> Filter, UserOrder Order);

    private sealed record SearchView(string Key, Func<EmulatedUser, bool> Filter, UserOrder Order);

    // A search index being built outside the lock: the PATCHes applied meanwhile (the slot and its record before).
    private sealed class SearchBuild
    {
        public List<(UserSlot Slot, EmulatedUser Before)> Patched { get; } = [];
    }
}

/// <summary>One page of an index and how many users the whole index holds.</summary>
internal sealed record UserPage(IReadOnlyList<EmulatedUser> Items, int Total);

internal enum PatchOutcome { Applied, NotFound, VersionConflict }
