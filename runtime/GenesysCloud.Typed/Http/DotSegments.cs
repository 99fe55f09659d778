// The one test for "a path segment that URI parsers resolve against the path", compiled into the runtime (next-page links)
// and the generator (route templates), linked, so the two cannot disagree.
#if GENESYS_GENERATOR
namespace GenesysCloud.Typed.Generator;
#else
namespace GenesysCloud.Typed;
#endif

internal static class DotSegments
{
    /// <summary>The text from <paramref name="start"/> to <paramref name="end"/> (exclusive) is "." or "..", each dot
    /// written as itself or percent-encoded (%2e, %2E). Reads in place, allocating nothing.</summary>
    public static bool Is(string text, int start, int end)
    {
        var dots = 0;
        for (var i = start; i < end; i++)
        {
            if (text[i] == '.') dots++;
            else if (text[i] == '%' && i + 2 < end && text[i + 1] == '2' && (text[i + 2] == 'e' || text[i + 2] == 'E'))
            {
                dots++;
                i += 2;
            }
            else return false;
        }
        return dots is 1 or 2;
    }
}
