namespace GenesysCloud.Typed.Testing.Api;

/// <summary>The org's users: deterministic from the seed, changed only through <see cref="TryPatch"/>.</summary>
internal sealed class UserStore
{
    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John", "Margaret", "Ken", "Radia", "Tim", "Shafi", "Leslie", "Niklaus", "Sophie"];
    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Backus", "Hamilton", "Thompson", "Perlman", "Berners-Lee", "Goldwasser", "Lamport", "Wirth", "Wilson"];
    private static readonly string[] Departments = ["Sales", "Support", "Billing", "Retention", "Onboarding"];
    private static readonly Json.DivisionRef HomeDivision = new("8a3b2c1d-0000-4000-8000-000000000001", "Home", "/api/v2/authorization/divisions/8a3b2c1d-0000-4000-8000-000000000001");

    private readonly object _gate = new();
    private readonly Dictionary<string, EmulatedUser> _byId = new(StringComparer.Ordinal);
    // Ids ordered by name then id; re-sorted only when a patch changes a name.
    private string[] _order;

    public UserStore(int count, int seed)
    {
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
            _byId.Add(id, user);
        }
        _order = Sort(_byId.Values);
    }

    public int Count { get { lock (_gate) return _byId.Count; } }

    public EmulatedUser? Find(string id) { lock (_gate) return _byId.GetValueOrDefault(id); }

    public IReadOnlyList<EmulatedUser> All() => Query("any", descending: false, ids: null);

    /// <summary>Users that match the filter, in the requested order (a snapshot).</summary>
    public IReadOnlyList<EmulatedUser> Query(string state, bool descending, IReadOnlyCollection<string>? ids)
    {
        EmulatedUser[] sorted;
        lock (_gate) sorted = Array.ConvertAll(_order, id => _byId[id]);
        IEnumerable<EmulatedUser> query = sorted;
        if (state != "any") query = query.Where(u => u.State == state);
        if (ids is { Count: > 0 }) query = query.Where(u => ids.Contains(u.Id));
        if (descending) query = query.Reverse();
        return query.ToArray();
    }

    public PatchOutcome TryPatch(string id, Json.UserPatch patch, out EmulatedUser? result)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var current)) { result = null; return PatchOutcome.NotFound; }
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
            _byId[id] = updated;
            if (!string.Equals(updated.Name, current.Name, StringComparison.Ordinal)) _order = Sort(_byId.Values);
            result = updated;
            return PatchOutcome.Applied;
        }
    }

    private static string[] Sort(IEnumerable<EmulatedUser> users) =>
        users.OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal).Select(u => u.Id).ToArray();
}

internal enum PatchOutcome { Applied, NotFound, VersionConflict }
