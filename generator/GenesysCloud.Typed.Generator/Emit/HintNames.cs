using System.Collections.Generic;
using System.Linq;
using GenesysCloud.Typed.Generator.Model;

namespace GenesysCloud.Typed.Generator.Emit;

/// <summary>File names of the generated sources. The natural name is the interface's full name with every character other
/// than a letter, digit, '.' or '_' replaced by '_'; hint names compare ignoring case, so <c>IUsersApi</c> and
/// <c>IUSersApi</c>, or <c>@class</c> and <c>_class</c>, would meet. Colliding names get a hash of the exact full name
/// (stable across runs and machines), then a counter in ordinal order of the full names if even that meets.</summary>
internal static class HintNames
{
    internal sealed record Entry(string FullName, string Hint);

    public static string Natural(string fullName)
    {
        var text = fullName.StartsWith("global::") ? fullName.Substring("global::".Length) : fullName;
        var builder = new System.Text.StringBuilder(text.Length + 5);
        foreach (var c in text) builder.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
        return builder.ToString();
    }

    /// <summary>The file name of <paramref name="fullName"/> among <paramref name="all"/>, deterministic whatever order the
    /// entries come in.</summary>
    public static string Unique(string fullName, string natural, EquatableArray<Entry> all)
    {
        var entries = all.Distinct().OrderBy(e => e.FullName, System.StringComparer.Ordinal).ToList();
        var collides = new HashSet<string>(entries.GroupBy(e => e.Hint, System.StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key),
            System.StringComparer.OrdinalIgnoreCase);
        if (!collides.Contains(natural)) return natural + ".g.cs";

        var used = new HashSet<string>(entries.Where(e => !collides.Contains(e.Hint)).Select(e => e.Hint), System.StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries.Where(e => collides.Contains(e.Hint)))
        {
            var candidate = entry.Hint + "." + Hash(entry.FullName);
            for (var i = 2; !used.Add(candidate); i++) candidate = entry.Hint + "." + Hash(entry.FullName) + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (entry.FullName == fullName) return candidate + ".g.cs";
        }
        return natural + ".g.cs";
    }

    /// <summary>FNV-1a over the UTF-16 code units: 8 hex digits, the same in every process.</summary>
    private static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ (c & 0xFFu)) * 16777619u;
            hash = (hash ^ (uint)(c >> 8)) * 16777619u;
        }
        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
