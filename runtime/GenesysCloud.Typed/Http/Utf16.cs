namespace GenesysCloud.Typed;

internal static class Utf16
{
    /// <summary>The index of the first surrogate without its pair, or -1: such text has no UTF-8 form, so escaping it
    /// would send U+FFFD instead of what the caller gave.</summary>
    public static int IndexOfUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return i;
        }
        return -1;
    }
}
