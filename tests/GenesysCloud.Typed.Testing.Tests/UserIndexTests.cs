using GenesysCloud.Typed.Testing.Api;
using GenesysCloud.Typed.Testing.Json;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>The user store's indexes against a naive model (the whole org sorted by name then id and filtered on every
/// question, as the store once did): after any sequence of PATCHes — renames onto other users' names, state flips, stale
/// versions — every listing, id-filtered listing and search page is the model's, in both orders.</summary>
public sealed class UserIndexTests
{
    private static readonly string[] States = ["any", "active", "inactive", "deleted"];
    internal static readonly (string Key, Func<EmulatedUser, bool> Filter)[] Searches =
    [
        ("department=Sales", u => u.State == "active" && u.Department == "Sales"),
        ("name starts A", u => u.Name.StartsWith('A')),
        ("title=Lead or inactive", u => u.Title == "Lead" || u.State == "inactive"),
    ];

    public static TheoryData<int, int> Orgs() => new() { { 1, 2 }, { 2, 3 }, { 3, 4 }, { 4, 8 }, { 5, 512 }, { 6, 5 }, { 7, 16 }, { 8, 2 } };

    [Theory]
    [MemberData(nameof(Orgs))]
    public void After_random_patches_every_page_equals_the_naive_models(int seed, int maxBlock)
    {
        var random = new Random(seed);
        var store = new UserStore(count: 300 + seed * 37, seed, maxBlock);
        var model = store.All().ToDictionary(u => u.Id);
        var ids = model.Keys.ToArray();
        var names = model.Values.Select(u => u.Name).ToArray();

        for (var step = 0; step < 1500; step++)
        {
            switch (random.Next(6))
            {
                case 0 or 1:
                    Patch(store, model, ids, names, random);
                    break;
                case 2:
                {
                    var (state, descending, skip, take) = (States[random.Next(4)], random.Next(2) == 0, random.Next(model.Count + 20), 1 + random.Next(60));
                    var expected = Naive(model.Values, u => state == "any" || u.State == state, descending);
                    var page = store.Page(state, descending, skip, take);
                    Assert.Equal(expected.Count, page.Total);
                    Assert.Equal(expected.Skip(skip).Take(take), page.Items);
                    break;
                }
                case 3:
                {
                    var wanted = Enumerable.Range(0, random.Next(30)).Select(_ => random.Next(5) == 0 ? Guid.NewGuid().ToString() : ids[random.Next(ids.Length)])
                        .ToHashSet(StringComparer.Ordinal);
                    var (state, descending, skip, take) = (States[random.Next(4)], random.Next(2) == 0, random.Next(10), 1 + random.Next(10));
                    var expected = Naive(model.Values, u => wanted.Contains(u.Id) && (state == "any" || u.State == state), descending);
                    var page = store.PageOf(wanted, state, descending, skip, take);
                    Assert.Equal(expected.Count, page.Total);
                    Assert.Equal(expected.Skip(skip).Take(take), page.Items);
                    break;
                }
                default:
                {
                    var (key, filter) = Searches[random.Next(Searches.Length)];
                    var (descending, skip, take) = (random.Next(2) == 0, random.Next(model.Count / 2), 1 + random.Next(40));
                    var expected = Naive(model.Values, filter, descending);
                    var page = store.Search(key, filter, descending, skip, take);
                    Assert.Equal(expected.Count, page.Total);
                    Assert.Equal(expected.Skip(skip).Take(take), page.Items);
                    break;
                }
            }
        }
        Assert.Equal(Naive(model.Values, _ => true, descending: false), store.All());
    }

    internal static void Patch(UserStore store, Dictionary<string, EmulatedUser> model, string[] ids, string[] names, Random random)
    {
        var id = random.Next(50) == 0 ? Guid.NewGuid().ToString() : ids[random.Next(ids.Length)];
        var current = model.GetValueOrDefault(id);
        var version = current is null ? 1 : random.Next(10) == 0 ? current.Version + 1 : current.Version;
        var name = random.Next(3) switch
        {
            0 => null,
            1 => names[random.Next(names.Length)],            // another user's name: the id breaks the tie
            _ => "Aa Renamed " + random.Next(1000),           // crowds one end of the order, splitting its blocks
        };
        var patch = new UserPatch(name, random.Next(4) == 0 ? "Sales" : null, random.Next(4) == 0 ? "Lead" : null, null,
            random.Next(3) == 0 ? (random.Next(2) == 0 ? "active" : "inactive") : null, version);

        var outcome = store.TryPatch(id, patch, out var result);

        if (current is null) { Assert.Equal(PatchOutcome.NotFound, outcome); return; }
        if (version != current.Version) { Assert.Equal(PatchOutcome.VersionConflict, outcome); return; }
        Assert.Equal(PatchOutcome.Applied, outcome);
        var expected = current with
        {
            Name = patch.Name ?? current.Name,
            Department = patch.Department ?? current.Department,
            Title = patch.Title ?? current.Title,
            State = patch.State ?? current.State,
            Version = current.Version + 1,
        };
        Assert.Equal(expected, result);
        model[id] = expected;
    }

    internal static List<EmulatedUser> Naive(IEnumerable<EmulatedUser> users, Func<EmulatedUser, bool> filter, bool descending)
    {
        var sorted = users.Where(filter).OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal).ToList();
        if (descending) sorted.Reverse();
        return sorted;
    }
}
