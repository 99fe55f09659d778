using GenesysCloud.Typed.Testing.Api;
using GenesysCloud.Typed.Testing.Json;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>A search's index is built outside the store's lock: other callers' pages and PATCHes go on meanwhile, and
/// the PATCHes made during the build are in the index it caches (checked against the naive model of
/// <see cref="EveryPageEqualsTheNaiveModel"/>, with a cache small enough that searches are rebuilt again and again).</summary>
public sealed class IndexBuildsBlockNoOneAndMissNoPatch
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);   // a liveness bound, not a timing target

    [Fact]
    public void Pages_and_patches_do_not_wait_for_a_search_index_being_built()
    {
        var store = new UserStore(2_000, seed: 3);
        var target = store.All()[1234];
        using var inBuild = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var releasedInTime = true;
        var first = 1;
        Func<EmulatedUser, bool> zeta = u =>
        {
            if (Interlocked.Exchange(ref first, 0) == 1)
            {
                inBuild.Set();
                releasedInTime = release.Wait(Patience);
            }
            return u.Department == "Zeta";
        };

        UserPage? page = null;
        var search = new Thread(() => page = store.Search("zeta", zeta, descending: false, 0, 25));
        search.Start();
        Assert.True(inBuild.Wait(Patience));
        // On this thread while the build is stopped in its filter: none of these may wait for it.
        Assert.Equal(25, store.Page("active", descending: false, 100, 25).Items.Count);
        Assert.Equal(PatchOutcome.Applied, store.TryPatch(target.Id, new UserPatch(null, "Zeta", null, null, null, target.Version), out _));
        Assert.Equal("Zeta", store.Find(target.Id)!.Department);
        release.Set();

        Assert.True(search.Join(Patience), "the search never finished");
        Assert.True(releasedInTime, "a page or a PATCH waited for another caller's search build");
        Assert.Equal([target.Id], page!.Items.Select(u => u.Id));   // the PATCH made during the build is in its index
        Assert.Equal(1, page.Total);
    }

    public static TheoryData<int, int> Orgs() => new() { { 1, 2 }, { 2, 3 }, { 3, 4 }, { 4, 8 }, { 5, 512 }, { 6, 5 } };

    [Theory]
    [MemberData(nameof(Orgs))]
    public void Patches_made_on_other_threads_during_builds_are_in_every_page(int seed, int maxBlock)
    {
        var random = new Random(seed);
        // Two searches cached at most, three in use: builds happen all the time.
        var store = new UserStore(count: 300 + seed * 37, seed, maxBlock, maxSearches: 2);
        var model = store.All().ToDictionary(u => u.Id);
        var ids = model.Keys.ToArray();
        var names = model.Values.Select(u => u.Name).ToArray();
        var searchThread = Environment.CurrentManagedThreadId;
        var countdown = long.MaxValue;   // disarmed
        var patchesDuringBuilds = 0;

        // While a build reads the org, other threads PATCH (the test waits for them, so the model stays exact).
        Func<EmulatedUser, bool> During(Func<EmulatedUser, bool> filter) => u =>
        {
            if (Environment.CurrentManagedThreadId == searchThread && Interlocked.Decrement(ref countdown) == 0)
            {
                Exception? failure = null;
                var patches = new Thread(() =>
                {
                    try
                    {
                        for (var i = 0; i < 1 + random.Next(8); i++) NaiveOrg.Patch(store, model, ids, names, random);
                    }
                    catch (Exception ex) { failure = ex; }
                });
                patches.Start();
                Assert.True(patches.Join(Patience), "a PATCH waited for a search build");
                if (failure is not null) throw new InvalidOperationException("a PATCH during a build failed", failure);
                patchesDuringBuilds++;
            }
            return filter(u);
        };
        var searches = NaiveOrg.Searches.Select(s => (s.Key, Filter: s.Filter, Watched: During(s.Filter))).ToArray();

        for (var step = 0; step < 1500; step++)
        {
            if (random.Next(3) == 0)
            {
                NaiveOrg.Patch(store, model, ids, names, random);
                continue;
            }
            var (key, filter, watched) = searches[random.Next(searches.Length)];
            var (descending, skip, take) = (random.Next(2) == 0, random.Next(model.Count / 2), 1 + random.Next(40));
            countdown = 1 + random.Next(model.Count);
            var page = store.Search(key, watched, descending, skip, take);
            countdown = long.MaxValue;
            var expected = NaiveOrg.Naive(model.Values, filter, descending);
            Assert.Equal(expected.Count, page.Total);
            Assert.Equal(expected.Skip(skip).Take(take), page.Items);
        }
        Assert.True(patchesDuringBuilds > 100, $"only {patchesDuringBuilds} builds saw PATCHes");
        Assert.Equal(NaiveOrg.Naive(model.Values, _ => true, descending: false), store.All());
    }
}
