using GenesysCloud.Typed.Generator.Model;

namespace GenesysCloud.Typed.Generator.Rules;

/// <summary>GCT0105's rule (and GCT0135's, for a job's paths): what makes a route template unusable. Its syntax, shared with
/// the emitter and the code fixes, is <see cref="RouteTemplate"/>.</summary>
internal static class Route
{
    /// <summary>Why a template cannot be used as a route, or null when it can.</summary>
    public static string? Problem(string? template)
    {
        if (string.IsNullOrEmpty(template)) return "the route is empty";
        if (template![0] != '/') return "the route must start with '/'";
        if (template.IndexOf('?') >= 0 || template.IndexOf('#') >= 0) return "the route must not carry a query string or fragment (use [Query] parameters)";
        if (!RouteTemplate.IsWellFormed(template)) return "the route has a malformed {placeholder}";
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
}
