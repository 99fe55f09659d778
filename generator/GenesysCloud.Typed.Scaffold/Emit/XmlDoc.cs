using System.Text;

namespace GenesysCloud.Typed.Scaffold.Emit;

/// <summary>XML documentation comments from the document's texts: escaped, whitespace folded, HTML tags dropped.</summary>
internal static class XmlDoc
{
    public static void Summary(CodeWriter writer, string? text, string fallback) => Element(writer, "summary", Clean(text) ?? fallback);

    public static void Remarks(CodeWriter writer, string? text)
    {
        if (Clean(text) is { } clean) Element(writer, "remarks", clean);
    }

    /// <summary>A parameter's tag; <paramref name="fallback"/> (already XML) when the document says nothing.</summary>
    public static void Param(CodeWriter writer, string name, string? text, string fallback) =>
        writer.Line($"/// <param name=\"{name}\">{Clean(text) ?? fallback}</param>");

    /// <summary>An element whose content is already XML (escaped text with <c>&lt;c&gt;</c> and the like).</summary>
    public static void Markup(CodeWriter writer, string element, string xml) => Element(writer, element, xml);

    private static void Element(CodeWriter writer, string element, string escaped)
    {
        writer.Line($"/// <{element}>{escaped}</{element}>");
    }

    /// <summary>Escaped text on one line, or null when there is none. Descriptions are prose, sometimes with HTML tags and
    /// entities: tags are dropped, entities decoded, and the result escaped once.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var plain = new StringBuilder(text.Length);
        var inTag = false;
        foreach (var c in text)
        {
            if (c == '<' && !inTag) { inTag = true; continue; }
            if (c == '>' && inTag) { inTag = false; plain.Append(' '); continue; }
            if (!inTag) plain.Append(c);
        }
        var decoded = System.Net.WebUtility.HtmlDecode(plain.ToString());
        var builder = new StringBuilder(decoded.Length);
        var space = false;
        // By rune: an entity may name a lone surrogate or a non-character, which XML cannot hold (dropped).
        foreach (var rune in decoded.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune)) { space = true; continue; }
            if (rune == Rune.ReplacementChar || (rune.Value & 0xFFFE) == 0xFFFE) continue;
            if (space && builder.Length > 0) builder.Append(' ');
            space = false;
            builder.Append(rune.Value switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => rune.ToString() });
        }
        if (builder.Length == 0) return null;
        const int Max = 1000;
        if (builder.Length <= Max) return builder.ToString();
        // Never cut inside an entity or a surrogate pair: the comment must stay well-formed XML.
        var cut = builder.ToString(0, Max);
        var amp = cut.LastIndexOf('&');
        if (amp >= 0 && cut.IndexOf(';', amp) < 0) cut = cut[..amp];
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1])) cut = cut[..^1];
        return cut.TrimEnd() + "…";
    }
}
