using System;
using System.Text;

namespace GenesysCloud.Typed.Generator;

/// <summary>Writes generated C#: four spaces a level, "\n" endings (deterministic output), multi-line templates re-indented
/// to the current level, and no line longer than <see cref="MaxWidth"/> where C# allows a break: a long line breaks between
/// tokens (after ", " first, outside string literals), a long string literal becomes a concatenation, a long comment continues on the next
/// line. Only a single token longer than the width (a user's identifier) can exceed it.</summary>
internal sealed class SourceWriter
{
    public const int MaxWidth = 160;
    private const int Indent = 4;

    private readonly StringBuilder _builder = new();
    private int _level;

    public SourceWriter Line(string text = "")
    {
        if (text.Length == 0)
        {
            _builder.Append('\n');
            return this;
        }
        Wrap(text, _level * Indent);
        return this;
    }

    /// <summary>Writes a multi-line template (a raw string literal, say): its common leading white space is removed, each
    /// line is written at the current level (keeping its own relative indentation), blank lines stay blank.</summary>
    public SourceWriter Block(string template)
    {
        var lines = template.Replace("\r\n", "\n").Split('\n');
        var common = int.MaxValue;
        foreach (var line in lines)
            if (line.Trim().Length > 0) common = Math.Min(common, line.Length - line.TrimStart(' ').Length);
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0) Line();
            else Wrap(line.Substring(common).TrimEnd(), _level * Indent);
        }
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _level++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _level--;
        return Line("}" + suffix);
    }

    public override string ToString() => _builder.ToString();

    private void Wrap(string text, int indent)
    {
        if (indent + text.Length <= MaxWidth)
        {
            _builder.Append(' ', indent).Append(text).Append('\n');   // the common case: it fits
            return;
        }
        // Relative indentation inside a template line counts toward the width too.
        var own = text.Length - text.TrimStart(' ').Length;
        indent += own;
        text = text.Substring(own);
        var continuation = indent + Indent;
        var width = MaxWidth - indent;
        while (text.Length > width)
        {
            var split = BreakPoint(text, width, continuation - indent);
            if (split.At <= 0) break;
            _builder.Append(' ', indent).Append(text, 0, split.At).Append(split.Tail).Append('\n');
            text = split.Head + text.Substring(split.Resume);
            if (indent != continuation && !text.StartsWith("//", StringComparison.Ordinal))   // a comment goes on at its own indentation
            {
                indent = continuation;
                width = MaxWidth - indent;
            }
        }
        _builder.Append(' ', indent).Append(text).Append('\n');
    }

    /// <summary>Where to break <paramref name="text"/> to fit <paramref name="width"/>: the end of the first part, what to
    /// append to it, what starts the next part, and where the rest of the text resumes. At is 0 when nothing fits.</summary>
    private static (int At, string Tail, string Head, int Resume) BreakPoint(string text, int width, int extraIndent)
    {
        if (text.StartsWith("#", StringComparison.Ordinal)) return default;   // a directive is one line
        var comment = text.StartsWith("///", StringComparison.Ordinal) ? "/// " : text.StartsWith("//", StringComparison.Ordinal) ? "// " : null;
        if (comment is not null)
        {
            // At the last space that fits and is not inside an XML tag (<see cref="…"/> stays whole).
            var space = 0;
            var inTag = false;
            for (var i = 0; i < text.Length && i <= width; i++)
            {
                if (text[i] == '<') inTag = true;
                else if (text[i] == '>') inTag = false;
                else if (text[i] == ' ' && !inTag && i > comment.Length) space = i;
            }
            return space > 0 ? (space, "", comment, space + 1) : default;
        }
        // Between tokens any white space may become a line break: after ", " first, else before " => ", else at a space,
        // else after "(".
        var lastComma = 0;
        var lastArrow = 0;
        var lastSpace = 0;
        var lastParen = 0;
        var inString = false;
        var hadString = false;
        var stringStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"')
                {
                    inString = false;
                    hadString = true;
                }
            }
            else if (c == '"' && (i == 0 || text[i - 1] != '\''))
            {
                inString = true;
                stringStart = i;
            }
            else if (c == ' ' && i <= width)
            {
                if (i > 0 && text[i - 1] == ',') lastComma = i;
                else if (i + 3 < text.Length && text[i + 1] == '=' && text[i + 2] == '>' && text[i + 3] == ' ') lastArrow = i;
                else if (i > 0) lastSpace = i;
            }
            else if (c == '(' && i + 1 < text.Length && text[i + 1] != ')' && i + 1 <= width)
            {
                lastParen = i + 1;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                // A trailing comment that does not fit moves to a line of its own (where it wraps like any comment).
                var code = text.Substring(0, i).TrimEnd();
                return code.Length > 0 ? (code.Length, "", "", i) : default;
            }
            if (i >= width)
            {
                if (lastComma > 0) return (lastComma, "", "", lastComma + 1);
                if (lastArrow > 0) return (lastArrow, "", "", lastArrow + 1);
                // In (or just after) a long string literal: end it before the width and continue it on the next line.
                if ((inString || hadString) && SafeSplit(text, stringStart, width - 3) is var cut and > 0 && cut > stringStart + 1)
                    return (cut, "\" +", "\"", cut);
                if (lastSpace > 0) return (lastSpace, "", "", lastSpace + 1);
                return lastParen > 0 ? (lastParen, "", "", lastParen) : default;
            }
        }
        return default;
    }

    /// <summary>The last index at or before <paramref name="limit"/> inside the literal starting at <paramref name="start"/>
    /// that is not in the middle of an escape sequence or a surrogate pair, after a space if there is one; 0 when there is
    /// none.</summary>
    private static int SafeSplit(string text, int start, int limit)
    {
        var best = 0;
        var afterSpace = 0;
        for (var i = start + 1; i < text.Length && i <= limit; i++)
        {
            if (text[i] == '"') break;
            if (!char.IsLowSurrogate(text[i])) best = i;
            if (text[i - 1] == ' ' && i - 1 > start) afterSpace = i;   // words stay whole where the literal has spaces
            if (text[i] != '\\' || i + 1 >= text.Length) continue;
            switch (text[++i])
            {
                case 'u': i += 4; break;
                case 'U': i += 8; break;
                case 'x':
                    for (var n = 0; n < 4 && i + 1 < text.Length && Uri.IsHexDigit(text[i + 1]); n++) i++;
                    break;
            }
        }
        return afterSpace > start + 1 ? afterSpace : best;
    }
}
