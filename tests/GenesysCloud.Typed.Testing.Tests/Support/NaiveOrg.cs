using GenesysCloud.Typed.Testing.Api;
using GenesysCloud.Typed.Testing.Json;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>The naive model of the user store (the whole org sorted by name then id and filtered on every question, as the
/// store once did), and random PATCHes applied to the store and the model alike.</summary>
internal static class NaiveOrg
{
    internal static readonly (string Key, Func<EmulatedUser, bool> Filter)[] Searches =
    [
        ("department=Sales", u => u.State == "active" && u.Department == "Sales"),
        ("name starts A", u => u.Name.StartsWith('A')),
        ("title=Lead or inactive", u => u.Title == "Lead" || u.State == "inactive"),
    ];

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
