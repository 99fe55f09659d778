using System.Collections.Generic;

namespace GenesysCloud.Typed.Generator.Model;

/// <summary>A route template split into literal text and <c>{name}</c> placeholders: one reading of a route for the rules,
/// the emitter and the code fixes, so they agree on what it means.</summary>
internal static class RouteTemplate
{
    /// <summary>Null when the template is malformed (unbalanced or empty braces, a placeholder that is not a name).</summary>
    public static List<RoutePart>? Parse(string template)
    {
        var parts = new List<RoutePart>();
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '}') return null;
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            var end = template.IndexOf('}', i + 1);
            if (end < 0) return null;
            var name = template.Substring(i + 1, end - i - 1);
            if (!IsName(name)) return null;
            if (literal.Length > 0) parts.Add(new RoutePart(literal.ToString(), false));
            literal.Clear();
            parts.Add(new RoutePart(name, true));
            i = end;
        }
        if (literal.Length > 0) parts.Add(new RoutePart(literal.ToString(), false));
        return parts;
    }

    /// <summary>The placeholder names of a template, in order (repeats kept); null when it is malformed. Allocates only
    /// the names: the rules call it for every endpoint on every compilation.</summary>
    public static List<string>? Placeholders(string template)
    {
        var names = new List<string>(2);
        return ScanPlaceholders(template, names) ? names : null;
    }

    /// <summary>Every brace opens or closes a placeholder that is a name.</summary>
    public static bool IsWellFormed(string template) => ScanPlaceholders(template, null);

    /// <summary>True when every brace opens or closes a placeholder that is a name; the names go to <paramref name="names"/>
    /// when given (validation alone allocates nothing).</summary>
    private static bool ScanPlaceholders(string template, List<string>? names)
    {
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '}') return false;
            if (c != '{') continue;
            var end = template.IndexOf('}', i + 1);
            if (end < 0 || !IsName(template, i + 1, end)) return false;
            names?.Add(template.Substring(i + 1, end - i - 1));
            i = end;
        }
        return true;
    }

    private static bool IsName(string name) => IsName(name, 0, name.Length);

    /// <summary>The text from <paramref name="start"/> to <paramref name="end"/> (exclusive) is a placeholder name.</summary>
    private static bool IsName(string text, int start, int end)
    {
        if (end <= start || !(char.IsLetter(text[start]) || text[start] == '_')) return false;
        for (var i = start; i < end; i++)
            if (!(char.IsLetterOrDigit(text[i]) || text[i] == '_')) return false;
        return true;
    }
}
