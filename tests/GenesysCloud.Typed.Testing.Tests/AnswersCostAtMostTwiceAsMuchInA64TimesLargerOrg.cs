using GenesysCloud.Typed.Testing.Api;
using GenesysCloud.Typed.Testing.Json;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>What an answer costs, counted (users read, comparisons, tree steps) rather than timed: for each kind of
/// answer the most expensive of many random ones in a 128,000-user org costs at most twice the most expensive in a
/// 2,000-user org. Snapshotting or re-sorting the org per answer, as the store once did, costs 64 times as much.</summary>
public sealed class AnswersCostAtMostTwiceAsMuchInA64TimesLargerOrg
{
    private const int Small = 2_000, Large = 128_000, PageSize = 100;

    public static TheoryData<string> Answers() => new() { "page", "deep page descending", "inactive page", "ids", "search page", "rename", "state flip" };

    [Theory]
    [MemberData(nameof(Answers))]
    public void An_answer_in_a_64_times_larger_org_costs_at_most_twice_as_much(string answer)
    {
        var small = WorstCost(Small, answer);
        var large = WorstCost(Large, answer);

        Assert.True(large <= 2 * small, $"{answer}: {large} steps at {Large} users, {small} at {Small}");
        Assert.True(large < Large / 50, $"{answer}: {large} steps at {Large} users is not independent of the org's size");
    }

    private static long WorstCost(int users, string answer)
    {
        var store = new UserStore(users, seed: 11);
        var all = store.All();
        var random = new Random(5);
        Func<EmulatedUser, bool> sales = u => u.State == "active" && u.Department == "Sales";
        store.Search("sales", sales, descending: false, 0, PageSize);   // the first page reads the org once; the rest must not
        var worst = 0L;
        for (var i = 0; i < 200; i++)
        {
            var before = store.Steps;
            var user = all[random.Next(all.Count)];
            switch (answer)
            {
                case "page": Assert.Equal(PageSize, store.Page("active", false, random.Next(users / 2), PageSize).Items.Count); break;
                case "deep page descending": Assert.Equal(PageSize, store.Page("any", true, users - PageSize - random.Next(PageSize), PageSize).Items.Count); break;
                case "inactive page": store.Page("inactive", false, random.Next(users / 40), PageSize); break;
                case "ids": store.PageOf(Enumerable.Range(0, 50).Select(_ => all[random.Next(all.Count)].Id).ToHashSet(), "any", false, 0, PageSize); break;
                case "search page": Assert.Equal(PageSize, store.Search("sales", sales, random.Next(2) == 0, random.Next(users / 20), PageSize).Items.Count); break;
                case "rename": Patch(store, user, new UserPatch("Renamed " + random.Next(), null, null, null, null, 0)); break;
                default: Patch(store, user, new UserPatch(null, null, null, null, store.Find(user.Id)!.State == "active" ? "inactive" : "active", 0)); break;
            }
            worst = Math.Max(worst, store.Steps - before);
        }
        return worst;
    }

    [Theory]
    [InlineData(17)]
    [InlineData(64)]
    public void Pages_of_many_searches_walked_round_robin_cost_no_more_in_a_64_times_larger_org(int searches)
    {
        var small = WorstSearchPageCost(Small, searches);
        var large = WorstSearchPageCost(Large, searches);

        Assert.True(large <= 2 * small, $"{searches} searches: {large} steps at {Large} users, {small} at {Small}");
        Assert.True(large < Large / 50, $"{searches} searches: {large} steps at {Large} users is not independent of the org's size");
    }

    [Fact]
    public void The_search_cache_holds_at_most_16_entries_per_user()
    {
        const int users = 4_000;
        var store = new UserStore(users, seed: 2);
        for (var i = 0; i < 64; i++)
        {
            var suffix = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            store.Search("everyone but " + suffix, u => !u.Name.EndsWith(" " + suffix, StringComparison.Ordinal), false, 0, 10);
            var (cached, entries) = store.SearchCache;
            Assert.True(entries <= 16L * users, $"{entries} entries cached for {users} users");
            Assert.InRange(cached, 1, 256);
        }
        Assert.InRange(store.SearchCache.Searches, 15, 17);   // each search holds almost the whole org
    }

    // The first page of each search builds its index; then pages after the first, the searches taken in turn.
    private static long WorstSearchPageCost(int users, int searches)
    {
        const int take = 20;
        var store = new UserStore(users, seed: 11);
        var all = store.All();
        var firstNames = all.Select(u => u.Name.Split(' ')[0]).Distinct().Order(StringComparer.Ordinal).ToArray();
        var departments = all.Select(u => u.Department!).Distinct().Order(StringComparer.Ordinal).ToArray();
        var filters = Enumerable.Range(0, searches).Select(i => (Key: "search " + i,
            Filter: (Func<EmulatedUser, bool>)(u => u.Name.StartsWith(firstNames[i % firstNames.Length] + " ", StringComparison.Ordinal) &&
                u.Department != departments[i % departments.Length]))).ToArray();
        var totals = filters.Select(f => store.Search(f.Key, f.Filter, false, 0, take).Total).ToArray();
        var random = new Random(9);
        var worst = 0L;
        for (var round = 0; round < 400; round++)
        {
            var s = round % searches;
            var before = store.Steps;
            var page = store.Search(filters[s].Key, filters[s].Filter, random.Next(2) == 0, take + random.Next(totals[s] - 2 * take), take);
            Assert.Equal(take, page.Items.Count);
            worst = Math.Max(worst, store.Steps - before);
        }
        return worst;
    }

    private static void Patch(UserStore store, EmulatedUser user, UserPatch patch) =>
        Assert.Equal(PatchOutcome.Applied, store.TryPatch(user.Id, patch with { Version = store.Find(user.Id)!.Version }, out _));
}
