using System.Text;

namespace GenesysCloud.Typed;

/// <summary>A short, single-line excerpt of a body for an exception message, with every secret the connection knows
/// blanked first (a hostile or broken server may echo our Authorization header back).</summary>
internal static class Excerpt
{
    public const int MaxLength = 200;
    // Enough text that whitespace folding still leaves MaxLength characters, small enough to stay cheap.
    private const int Window = 64 * 1024;

    public static string Of(ReadOnlySpan<byte> body, SecretRedactor redactor)
    {
        if (body.IsEmpty) return "(empty body)";
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, Window)]);
        // A window cut inside a secret would show its start, which no longer matches the whole: drop the tail that could.
        if (body.Length > Window) text = text[..Math.Max(0, text.Length - redactor.LongestSecret)];
        text = redactor.Redact(text);
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
