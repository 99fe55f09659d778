using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using GenesysCloud.Typed.Generator.Emit;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The source writer's wrapping over generated statements: every line fits the width (but for a single longer
/// token), the wrapped code parses without errors, and it means the same: the same tokens, string concatenations that
/// make the original literal's value.</summary>
public sealed class WrappingBreaksOnlyBetweenTokensAndKeepsTheMeaning
{
    private static readonly string[] Pieces =
    [
        "a", "Z", " ", ", ", "\"", "\\", "é", "ユ", "😀", "\t", "\n", "\u0001", "{x}", "=>", "//", "/*", "#", "'", ",", "(", ")", "%", "GCT0105",
    ];

    public static IEnumerable<object[]> Statements()
    {
        var random = new Random(160);
        for (var chunk = 0; chunk < 6; chunk++)
        {
            var statements = new List<string>();
            for (var n = 0; n < 40; n++)
            {
                var literal = new StringBuilder();
                for (var k = random.Next(0, 120); k > 0; k--) literal.Append(Pieces[random.Next(Pieces.Length)]);
                var text = SymbolDisplay.FormatLiteral(literal.ToString(), quote: true);
                var parameters = string.Join(", ", Enumerable.Range(0, random.Next(0, 12)).Select(i => $"global::System.Collections.Generic.List<int> a{i}"));
                statements.Add(random.Next(3) switch
                {
                    0 => $"void M{n}({parameters}) => Call({text}, {n}); // trailing {literal.Length}",
                    1 => $"static global::System.Collections.Generic.IReadOnlyList<global::Some.Namespace.Type{n}> Member{n} => Value{n}({text});",
                    _ => $"object F{n}() => throw new global::System.NotSupportedException({text});",
                });
            }
            yield return [statements.ToArray()];
        }
    }

    /// <summary>Statements with no space where a break could go: long qualified names, generic types nested four deep,
    /// numeric literals, operators of two or three characters, character, verbatim, interpolated and raw string literals,
    /// and comments between tokens.</summary>
    public static IEnumerable<object[]> DenseStatements()
    {
        var random = new Random(15);
        string Word() => new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)('a' + random.Next(26))).ToArray()) + random.Next(10);
        string Name() => "global::" + string.Join(".", Enumerable.Range(0, random.Next(1, 6)).Select(_ => Word()));
        string Type(int depth) => depth == 0 || random.Next(4) == 0
            ? Name() + (random.Next(4) == 0 ? "[]" : "") + (random.Next(5) == 0 ? "?" : "")
            : Name() + "<" + string.Join(random.Next(2) == 0 ? "," : ", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Type(depth - 1))) + ">";
        string[] operands =
        [
            "1.5", "0x1F", "1_000_000L", "2.5e-3f", "'\\\\'", "'\\''", "'\\u0041'", "@\"a\\\"\"b\"", "$\"x{y}z\"", "$@\"{a}\\\"\"\"",
            "\"\"\"raw \" text\"\"\"", "\"plain \\\" text\"u8.Length", "a?.b", "a!.c", "x?[0]", "(a)", "-(-b)", "~c", "!d", "e++", "f--",
        ];
        string[] operators = ["=>", "??", "==", "!=", "<=", ">=", "&&", "||", ">>", "<<", ">>>", "+", "-", "*", "/", "%", "&", "|", "^", "<", ">"];
        for (var chunk = 0; chunk < 6; chunk++)
        {
            var statements = new List<string>();
            for (var n = 0; n < 40; n++)
            {
                // Operands in parentheses: "a < b > c" would read as a generic name.
                var expression = new StringBuilder("(" + operands[random.Next(operands.Length)] + ")");
                for (var k = random.Next(1, 30); k > 0; k--)
                {
                    var op = operators[random.Next(operators.Length)];
                    if (op == "=>") op = "??";
                    var dense = random.Next(3) == 0;
                    expression.Append(dense ? op : " " + op + " ").Append(random.Next(6) == 0 ? " /* note */ " : "").Append('(').Append(operands[random.Next(operands.Length)]).Append(')');
                }
                var type = Type(random.Next(1, 5));
                statements.Add(random.Next(3) switch
                {
                    0 => $"{type} {Word()}({type} a, {Type(2)} b) => ({type})M<{type}>({expression});",
                    1 => $"private {type} {Word()} = ({type}){Name()}.Call<{type}>();",
                    _ => $"object F{n}() => {Name()}({expression}); // {Word()}",
                });
            }
            yield return [statements.ToArray()];
        }
    }

    [Theory]
    [MemberData(nameof(DenseStatements))]
    public void Dense_statements_break_between_tokens_only(string[] statements) => Wrapped_statements_fit_the_width_parse_and_mean_the_same(statements);

    [Theory]
    [MemberData(nameof(Statements))]
    public void Wrapped_statements_fit_the_width_parse_and_mean_the_same(string[] statements)
    {
        foreach (var statement in statements)
        {
            var w = new SourceWriter();
            w.Open("class C").Line(statement).Close();
            var wrapped = w.ToString();

            LineWidth.AssertLinesFit(wrapped);
            var original = CSharpSyntaxTree.ParseText("class C { " + statement + "\n }");
            Assert.True(!original.GetDiagnostics().Any(), "The test's statement is not C#: " + statement + "\n" + string.Join("\n", original.GetDiagnostics()));
            var tree = CSharpSyntaxTree.ParseText(wrapped);
            Assert.True(!tree.GetDiagnostics().Any(), wrapped + string.Join("\n", tree.GetDiagnostics()));
            Assert.Equal(Meaning(original.GetRoot()), Meaning(tree.GetRoot()));
        }
    }

    /// <summary>The tokens with adjacent string literals joined ("a" + "b" → "ab").</summary>
    private static List<string> Meaning(SyntaxNode root)
    {
        var tokens = new List<string>();
        foreach (var token in root.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.StringLiteralToken) && tokens.Count >= 2 && tokens[^1] == "+" && tokens[^2].StartsWith("\u0000", StringComparison.Ordinal))
            {
                tokens.RemoveAt(tokens.Count - 1);
                tokens[^1] += token.ValueText;
                continue;
            }
            tokens.Add(token.IsKind(SyntaxKind.StringLiteralToken) ? "\u0000" + token.ValueText : token.Text);
        }
        return tokens;
    }

    // The writer finds an argument list's break by a scan when the line holds only regular string literals, and by
    // the C# lexer otherwise: wherever the scan answers, the lexer must give the same break.
    private static readonly string[] ArgumentPieces =
    [
        "global::A.B.C", "foo", "Bar<int, string>", "\"a, b\"", "\"q\\\", x\"", "\"\\\\\"", "\", \"", "1.5", "x => y", "(a, b)", "new[] { 1, 2 }",
        "'\"'", "','", "@\"a, \"\"b\"\"\"", "$\"{a, 5}\"", "\"\"\"raw, text\"\"\"", "/* c, d */", "// tail, comment", "\"ü, ß\"", "\"\\u0022, \"",
    ];

    [Fact]
    public void Where_the_scan_finds_a_comma_break_the_lexer_finds_the_same()
    {
        var random = new Random(7);
        var scanned = 0;
        for (var n = 0; n < 5_000; n++)
        {
            // Half the lines hold only what the scan reads (regular literals with escapes), half anything.
            var choices = n % 2 == 0 ? ArgumentPieces.Length : 11;
            var parts = Enumerable.Range(0, random.Next(3, 30)).Select(_ => ArgumentPieces[random.Next(choices)]);
            var line = "Call(" + string.Join(", ", parts) + ");";
            var width = random.Next(20, 170);
            var (scan, lexed) = SourceWriter.CommaBreaksForTests(line, width);
            if (scan == 0) continue;
            scanned++;
            Assert.True(scan == lexed, $"scan {scan}, lexer {lexed} at width {width}: {line}");
        }
        Assert.True(scanned > 1_000, $"only {scanned} lines took the scan");
    }
}
