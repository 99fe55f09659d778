using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The source writer's wrapping over generated statements: every line fits the width (but for a single longer
/// token), the wrapped code parses without errors, and it means the same: the same tokens, string concatenations that
/// make the original literal's value.</summary>
public sealed class SourceWriterTests
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

    [Theory]
    [MemberData(nameof(Statements))]
    public void Wrapped_statements_fit_the_width_parse_and_mean_the_same(string[] statements)
    {
        foreach (var statement in statements)
        {
            var w = new SourceWriter();
            w.Open("class C").Line(statement).Close();
            var wrapped = w.ToString();

            Assert.All(wrapped.Split('\n'), line => Assert.True(line.Length <= SourceWriter.MaxWidth, line));
            var original = CSharpSyntaxTree.ParseText("class C { " + statement + "\n }");
            Assert.Empty(original.GetDiagnostics());
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
}
