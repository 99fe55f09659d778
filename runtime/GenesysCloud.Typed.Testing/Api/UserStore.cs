namespace GenesysCloud.Typed.Testing.Api;

/// <summary>The org's users: deterministic from the seed, changed only through <see cref="TryPatch"/>. Every answer
/// costs O(log n) to find its page plus the page's size (see <see cref="UserOrder"/>).</summary>
internal sealed class UserStore
{
    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John", "Margaret", "Ken", "Radia", "Tim", "Shafi", "Leslie", "Niklaus", "Sophie"];
    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Backus", "Hamilton", "Thompson", "Perlman", "Berners-Lee", "Goldwasser", "Lamport", "Wirth", "Wilson"];
    private static readonly string[] Departments = ["Sales", "Support", "Billing", "Retention", "Onboarding"];
    private static readonly Json.DivisionRef HomeDivision = new("8a3b2c1d-0000-4000-8000-000000000001", "Home", "/api/v2/authorization/divisions/8a3b2c1d-0000-4000-8000-000000000001");

    // Search views kept at once: each costs a pointer per matching user and a little work per PATCH.
    private const int MaxSearchViews = 16;
    private static readonly string[] States = ["any", "active", "inactive", "deleted"];

    private readonly object _gate = new();
    private readonly Dictionary<string, UserSlot> _byId = new(StringComparer.Ordinal);
    // One index per listing state, always kept; one per recent search, kept while used. Every index is in listing
    // order (name, then id) and is updated by each PATCH, so no answer sorts or filters the whole org.
    private readonly Dictionary<string, View> _stateViews = new(StringComparer.Ordinal);
    private readonly Dictionary<string, View> _searchViews = new(StringComparer.Ordinal);
    private readonly int _maxBlock;
    private long _useClock, _retiredSteps, _idLookups;

    // maxBlock: users per index block before it splits; tests make it small to split often.
    public UserStore(int count, int seed, int maxBlock = 512)
    {
        _maxBlock = maxBlock;
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
        var sorted = _byId.Values.ToArray();
        Array.Sort(sorted, (a, b) => UserOrder.Compare(a.User, b.User));
        foreach (var name in States)
        {
            Func<EmulatedUser, bool> filter = name == "any" ? _ => true : u => u.State == name;
            _stateViews[name] = new View(filter, new UserOrder(name == "any" ? sorted : Array.FindAll(sorted, s => filter(s.User)), maxBlock));
        }
    }

    public int Count { get { lock (_gate) return _byId.Count; } }

    /// <summary>Slots read, comparisons and tree steps made by every index so far: what answers cost, for tests that
    /// prove a page's cost does not grow with the org.</summary>
    internal long Steps
    {
        get
        {
            lock (_gate)
                return _retiredSteps + _idLookups + _stateViews.Values.Sum(v => v.Order.Steps) + _searchViews.Values.Sum(v => v.Order.Steps);
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
    /// org once to build its index; later pages of it (and PATCHes) cost O(log n + take) while it stays among the
    /// <see cref="MaxSearchViews"/> most recently used.</summary>
    public UserPage Search(string key, Func<EmulatedUser, bool> filter, bool descending, long skip, int take)
    {
        lock (_gate)
        {
            if (!_searchViews.TryGetValue(key, out var view))
            {
                if (_searchViews.Count >= MaxSearchViews)
                {
                    var oldest = _searchViews.MinBy(kv => kv.Value.LastUsed);
                    _retiredSteps += oldest.Value.Order.Steps;
                    _searchViews.Remove(oldest.Key);
                }
                var all = _stateViews["any"].Order;
                view = new View(filter, new UserOrder(all.Slots().Where(s => filter(s.User)).ToArray(), _maxBlock));
                _searchViews[key] = view;
            }
            view.LastUsed = ++_useClock;
            return new UserPage(view.Order.Range(skip, take, descending), view.Order.Count);
        }
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
            var moves = new List<(View View, bool Now)>();
            foreach (var view in _stateViews.Values.Concat(_searchViews.Values))
            {
                bool was = view.Filter(current), now = view.Filter(updated);
                if (was != now || (renamed && now))
                {
                    if (was) view.Order.Remove(current);
                    moves.Add((view, now));
                }
            }
            slot.User = updated;
            foreach (var (view, now) in moves)
            {
                if (now) view.Order.Add(slot);
            }
            result = updated;
            return PatchOutcome.Applied;
        }
    }

    private sealed class View(Func<EmulatedUser, bool> filter, UserOrder order)
    {
        public Func<EmulatedUser, bool> Filter { get; } = filter;
        public UserOrder Order { get; } = order;
        public long LastUsed { get; set; }
    }
}

/// <summary>One page of an index and how many users the whole index holds.</summary>
internal sealed record UserPage(IReadOnlyList<EmulatedUser> Items, int Total);

internal enum PatchOutcome { Applied, NotFound, VersionConflict }
