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

    public static void Param(CodeWriter writer, string name, string? text)
    {
        if (Clean(text) is { } clean) writer.Line($"/// <param name=\"{name}\">{clean}</param>");
    }

    /// <summary>An element whose content is already XML (escaped text with <c>&lt;c&gt;</c> and the like).</summary>
    public static void Markup(CodeWriter writer, string element, string xml) => Element(writer, element, xml);

    private static void Element(CodeWriter writer, string element, string escaped)
    {
        writer.Line($"/// <{element}>{escaped}</{element}>");
    }

    /// <summary>Escaped text on one line, or null when there is none. Descriptions are prose (sometimes with HTML).</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var builder = new StringBuilder(text.Length);
        var inTag = false;
        var space = false;
        foreach (var c in text)
        {
            if (c == '<' && !inTag) { inTag = true; continue; }
            if (c == '>' && inTag) { inTag = false; space = true; continue; }
            if (inTag) continue;
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { space = true; continue; }
            if (space && builder.Length > 0) builder.Append(' ');
            space = false;
            builder.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => c.ToString() });
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
