using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GenesysCloud.Typed.Generator.Emit;

/// <summary>Writes generated C#: four spaces a level, "\n" endings (deterministic output), multi-line templates re-indented
/// to the current level, and no line longer than <see cref="MaxWidth"/> where C# allows a break: a long code line breaks
/// between two tokens as the C# lexer reads them (after ", " first; where nothing better fits, after '.', '::', '&lt;', '(',
/// '[' or ',' inside a qualified or generic name), never inside a literal, an identifier or an operator; a long regular
/// string literal becomes a concatenation; a long comment continues on the next line. Only a single token longer than the
/// width (a user's identifier) can exceed it.</summary>
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
            var split = BreakPoint(text, width);
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
    private static (int At, string Tail, string Head, int Resume) BreakPoint(string text, int width)
    {
        if (text.StartsWith("#", StringComparison.Ordinal)) return default;   // a directive is one line
        var comment = text.StartsWith("///", StringComparison.Ordinal) ? "/// " : text.StartsWith("//", StringComparison.Ordinal) ? "// " : null;
        if (comment is not null)
        {
            // At the last space that fits and is not inside an XML tag (<see cref="…"/> stays whole); with no such space,
            // inside a long word after '.', ',' or '<' (a qualified or generic type name): in a documentation comment only
            // after a '.' in an attribute's value (a cref is read as C#, and C# allows a line break there).
            var space = 0;
            var mark = 0;
            // A line that goes on inside an attribute's value (a cref broken before) has a quote before any tag.
            var quote = text.IndexOf('"');
            var inValue = comment == "/// " && quote > 0 && (text.IndexOf('<') is var tag && (tag < 0 || quote < tag));
            var inTag = inValue;
            for (var i = 0; i < text.Length && i <= width; i++)
            {
                if (i > comment.Length && i < width && (comment == "// " ? text[i] is '.' or ',' or '<' : inValue && text[i] == '.')) mark = i + 1;
                if (inValue)
                {
                    if (text[i] == '"') inValue = false;
                }
                else if (text[i] == '"' && inTag) inValue = true;
                else if (text[i] == '<') inTag = true;
                else if (text[i] == '>') inTag = false;
                else if (text[i] == ' ' && !inTag && i > comment.Length) space = i;
            }
            if (space > 0) return (space, "", comment, space + 1);
            return mark > 0 ? (mark, "", comment, mark) : default;
        }
        return CodeBreakPoint(text, width);
    }

    /// <summary>Where to break the code line <paramref name="text"/> to fit <paramref name="width"/>, at a boundary between two
    /// tokens of the C# lexer (so never inside a literal, an identifier or an operator): after ", " first, else before " => ",
    /// else inside a long regular string literal (ended and continued as a concatenation), else at a space, else after "(",
    /// else between tokens with nothing between them (after '.', '&lt;', '(', '[', ',', else wherever <see cref="MayBreakBetween"/>
    /// allows); when nothing fits, right after the first token (one longer than the width).</summary>
    private static (int At, string Tail, string Head, int Resume) CodeBreakPoint(string text, int width)
    {
        // Most long lines the emitter writes are argument lists: their break is the last ", " before the width, which a
        // scan finds without the lexer when the line holds nothing a scan could misread (the lexer's answer is the same).
        if (LastCommaOutsideStrings(text, width) is var comma and > 0) return (comma, "", "", NextToken(text, comma));
        return LexedBreakPoint(text, width);
    }

    /// <summary>For tests: the scan's break (0 when it leaves the line to the lexer) and the lexer's, which must agree.</summary>
    internal static (int Scanned, int Lexed) CommaBreaksForTests(string text, int width) =>
        (LastCommaOutsideStrings(text, width), LexedBreakPoint(text, width) is { Tail: "" } lexed && text.Length > lexed.At && lexed.At > 0 && text[lexed.At - 1] == ',' ? lexed.At : -1);

    /// <summary>The position after the last ", " that ends before <paramref name="width"/> outside a regular string literal;
    /// 0 when there is none or the line holds a char, verbatim, interpolated or raw literal or a comment (left to the lexer).</summary>
    private static int LastCommaOutsideStrings(string text, int width)
    {
        var last = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '\'':
                case '@' or '$' when i + 1 < text.Length && text[i + 1] == '"':
                case '/' when i + 1 < text.Length && text[i + 1] is '/' or '*':
                    return 0;
                case '"':
                    if (i + 2 < text.Length && text[i + 1] == '"' && text[i + 2] == '"') return 0;
                    inString = true;
                    break;
                case ',' when i + 1 < text.Length && text[i + 1] == ' ' && i + 1 <= width:
                    last = i + 1;
                    break;
            }
        }
        return inString ? 0 : last;
    }

    private static (int At, string Tail, string Head, int Resume) LexedBreakPoint(string text, int width)
    {
        // Lexed lazily: only the tokens up to the width (and the one after) are looked at, so a very long line costs what
        // its first part does, not its whole length on every break.
        using var tokens = SyntaxFactory.ParseTokens(text).GetEnumerator();
        int comma = 0, arrow = 0, space = 0, paren = 0, opener = 0, other = 0, beyond = 0, arrowResume = 0;
        SyntaxToken? lastString = null;
        var hasNext = tokens.MoveNext();
        while (hasNext)
        {
            var token = tokens.Current;
            // A trailing comment that does not fit moves to a line of its own (where it wraps like any comment).
            if ((CommentStart(token.LeadingTrivia, width) ?? CommentStart(token.TrailingTrivia, width)) is { } commentStart)
            {
                var code = text.Substring(0, commentStart).TrimEnd();
                return code.Length > 0 ? (code.Length, "", "", commentStart) : default;
            }
            if (token.IsKind(SyntaxKind.EndOfFileToken) || token.SpanStart >= width) break;
            if (token.IsKind(SyntaxKind.StringLiteralToken) && token.Text.StartsWith("\"", StringComparison.Ordinal) && !token.Text.StartsWith("\"\"\"", StringComparison.Ordinal))
                lastString = token;
            hasNext = tokens.MoveNext();
            if (!hasNext || tokens.Current.IsKind(SyntaxKind.EndOfFileToken)) break;
            var next = tokens.Current;
            var at = token.Span.End;
            var gapLength = next.SpanStart - at;
            if (!IsBlank(text, at, next.SpanStart) || (gapLength == 0 && !MayBreakBetween(token, next))) continue;   // a comment between tokens stays
            if (at > width)
            {
                // Nothing fits before a token longer than the width: it ends its line.
                beyond = at;
                break;
            }
            if (gapLength > 0)
            {
                if (token.IsKind(SyntaxKind.CommaToken)) comma = at;
                else if (next.IsKind(SyntaxKind.EqualsGreaterThanToken) && text.Length > next.Span.End && text[next.Span.End] == ' ')
                {
                    arrow = at;
                    arrowResume = next.SpanStart;
                }
                else space = at;
            }
            else if (token.IsKind(SyntaxKind.OpenParenToken) && !next.IsKind(SyntaxKind.CloseParenToken)) paren = at;
            else if (token.Kind() is SyntaxKind.DotToken or SyntaxKind.LessThanToken or SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken
                     or SyntaxKind.CommaToken) opener = at;
            else other = at;
        }
        if (comma > 0) return (comma, "", "", NextToken(text, comma));
        if (arrow > 0) return (arrow, "", "", arrowResume);
        if (lastString is { } literal && SafeSplit(text, literal.SpanStart, width - 3) is var cut and > 0 && cut > literal.SpanStart + 1)
            return (cut, "\" +", "\"", cut);
        if (space > 0) return (space, "", "", NextToken(text, space));
        if (paren > 0) return (paren, "", "", paren);
        if (opener > 0) return (opener, "", "", opener);
        if (other > 0) return (other, "", "", other);
        return beyond > 0 ? (beyond, "", "", NextToken(text, beyond)) : default;
    }

    /// <summary>Where a single-line comment in <paramref name="trivia"/> starts, if it starts within the width.</summary>
    private static int? CommentStart(SyntaxTriviaList trivia, int width)
    {
        foreach (var item in trivia)
            if (item.IsKind(SyntaxKind.SingleLineCommentTrivia) && item.SpanStart <= width) return item.SpanStart;
        return null;
    }

    private static bool IsBlank(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
            if (!char.IsWhiteSpace(text[i])) return false;
        return true;
    }

    /// <summary>Whether a line break may go between two tokens written with nothing between them. C# allows white space
    /// between any two tokens but for '>' '>' (a shift operator is two '>' tokens the parser joins when they touch), so a
    /// break goes after a word (an identifier, a keyword, a literal) or before one, or after an opening or separating
    /// punctuation; never between two other punctuation tokens.</summary>
    private static bool MayBreakBetween(SyntaxToken token, SyntaxToken next) =>
        IsWord(token) || IsWord(next) || (token.Kind() is SyntaxKind.DotToken or SyntaxKind.ColonColonToken or SyntaxKind.LessThanToken
            or SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.CommaToken or SyntaxKind.OpenBraceToken
            && !next.IsKind(SyntaxKind.CloseParenToken) && !next.IsKind(SyntaxKind.CloseBracketToken));   // "()" and "[]" stay whole

    private static bool IsWord(SyntaxToken token) =>
        SyntaxFacts.IsKeywordKind(token.Kind()) || token.Kind() is SyntaxKind.IdentifierToken or SyntaxKind.NumericLiteralToken
            or SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.InterpolatedStringToken
            or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken;

    private static int NextToken(string text, int at)
    {
        while (at < text.Length && text[at] == ' ') at++;
        return at;
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
