using System.Collections.Generic;
using GenesysCloud.Typed.Generator.Diagnostics;

namespace GenesysCloud.Typed.Generator.Rules;

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

    /// <summary>The placeholder names of a template, in order (repeats kept); null when it is malformed. Allocates only
    /// the names: the parser calls it for every endpoint on every compilation.</summary>
    public static List<string>? Placeholders(string template)
    {
        var names = new List<string>(2);
        return ScanPlaceholders(template, names) ? names : null;
    }

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

    /// <summary>Why a template cannot be used as a route, or null when it can.</summary>
    public static string? Problem(string? template)
    {
        if (string.IsNullOrEmpty(template)) return "the route is empty";
        if (template![0] != '/') return "the route must start with '/'";
        if (template.IndexOf('?') >= 0 || template.IndexOf('#') >= 0) return "the route must not carry a query string or fragment (use [Query] parameters)";
        if (!ScanPlaceholders(template, null)) return "the route has a malformed {placeholder}";
        if (template.IndexOf('\\') >= 0) return "the route must not contain '\\', which servers and proxies may read as '/'";
        if (!EscapesAreWhole(template)) return "every '%' must start an escape of two hex digits (%2F) in the route's own text, not one a value completes";
        return SegmentProblem(template);
    }

    /// <summary>Literal segments that change which path is called: an empty one ("//", which at the start would even name
    /// another host) and the dot segments "." and ".." (also percent-encoded), which every URI parser, proxy and server
    /// resolves against the path. A trailing '/' is left alone.</summary>
    private static string? SegmentProblem(string template)
    {
        for (var start = 1; start <= template.Length; )
        {
            var end = template.IndexOf('/', start);
            if (end < 0) end = template.Length;
            var length = end - start;
            if (length == 0 && end < template.Length) return "the route must not contain an empty segment ('//')";
            if (DotSegments.Is(template, start, end)) return "the route must not contain a '.' or '..' segment, which changes the path that is called";
            start = end + 1;
        }
        return null;
    }

    /// <summary>Each '%' is followed by two hex digits: a broken escape is sent re-escaped or, completed by a route value
    /// ("%2{x}" with "e"), becomes an escape the template never shows (a "%2e" dot segment).</summary>
    private static bool EscapesAreWhole(string template)
    {
        for (var i = template.IndexOf('%'); i >= 0; i = template.IndexOf('%', i + 1))
            if (i + 2 >= template.Length || !IsHex(template[i + 1]) || !IsHex(template[i + 2])) return false;
        return true;
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

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
