using GenesysCloud.Typed.Testing.Api;
using GenesysCloud.Typed.Testing.Json;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>The user store's indexes against a naive model (the whole org sorted by name then id and filtered on every
/// question, as the store once did): after any sequence of PATCHes — renames onto other users' names, state flips, stale
/// versions — every listing, id-filtered listing and search page is the model's, in both orders.</summary>
public sealed class EveryPageEqualsTheNaiveModel
{
    private static readonly string[] States = ["any", "active", "inactive", "deleted"];

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
                    NaiveOrg.Patch(store, model, ids, names, random);
                    break;
                case 2:
                {
                    var (state, descending, skip, take) = (States[random.Next(4)], random.Next(2) == 0, random.Next(model.Count + 20), 1 + random.Next(60));
                    var expected = NaiveOrg.Naive(model.Values, u => state == "any" || u.State == state, descending);
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
                    var expected = NaiveOrg.Naive(model.Values, u => wanted.Contains(u.Id) && (state == "any" || u.State == state), descending);
                    var page = store.PageOf(wanted, state, descending, skip, take);
                    Assert.Equal(expected.Count, page.Total);
                    Assert.Equal(expected.Skip(skip).Take(take), page.Items);
                    break;
                }
                default:
                {
                    var (key, filter) = NaiveOrg.Searches[random.Next(NaiveOrg.Searches.Length)];
                    var (descending, skip, take) = (random.Next(2) == 0, random.Next(model.Count / 2), 1 + random.Next(40));
                    var expected = NaiveOrg.Naive(model.Values, filter, descending);
                    var page = store.Search(key, filter, descending, skip, take);
                    Assert.Equal(expected.Count, page.Total);
                    Assert.Equal(expected.Skip(skip).Take(take), page.Items);
                    break;
                }
            }
        }
        Assert.Equal(NaiveOrg.Naive(model.Values, _ => true, descending: false), store.All());
    }
}
