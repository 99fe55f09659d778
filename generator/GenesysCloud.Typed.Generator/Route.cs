using System.Collections.Generic;

namespace GenesysCloud.Typed.Generator;

/// <summary>A route template split into literal text and <c>{name}</c> placeholders. Shared by the parser, the
/// emitter and the analyzers so they agree on what a route means.</summary>
internal static class Route
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

    /// <summary>Why a template cannot be used as a route, or null when it can.</summary>
    public static string? Problem(string? template)
    {
        if (string.IsNullOrEmpty(template)) return "the route is empty";
        if (template![0] != '/') return "the route must start with '/'";
        if (template.IndexOf('?') >= 0 || template.IndexOf('#') >= 0) return "the route must not carry a query string or fragment (use [Query] parameters)";
        if (Parse(template) is null) return "the route has a malformed {placeholder}";
        return null;
    }

    private static bool IsName(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
            if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        return true;
    }
}

internal readonly struct RoutePart
{
    public RoutePart(string text, bool isPlaceholder)
    {
        Text = text;
        IsPlaceholder = isPlaceholder;
    }

    public string Text { get; }
    public bool IsPlaceholder { get; }
}
