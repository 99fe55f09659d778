using System.Text;

namespace GenesysCloud.Typed;

/// <summary>A short, single-line excerpt of a body for an exception message.</summary>
internal static class Excerpt
{
    public const int MaxLength = 200;

    public static string Of(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) return "(empty body)";
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, MaxLength * 4)]);
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c) || char.IsControl(c);
            if (space && lastWasSpace) continue;
            builder.Append(space ? ' ' : c);
            lastWasSpace = space;
            if (builder.Length >= MaxLength) return builder.ToString().Trim() + "…";
        }
        return builder.ToString().Trim();
    }
}
