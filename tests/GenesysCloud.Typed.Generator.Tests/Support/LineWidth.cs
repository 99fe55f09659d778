using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using GenesysCloud.Typed.Generator.Emit;

namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The width every generated line keeps (issue #15), checked by every test that looks at generated text.</summary>
internal static class LineWidth
{
    /// <summary>Every line fits the width or is a single token longer than it; with <paramref name="userSource"/>, that
    /// token must be the user's own (an identifier they wrote), never one the generator made up.</summary>
    internal static void AssertLinesFit(string generated, string? userSource = null)
    {
        foreach (var line in generated.Split('\n'))
        {
            if (line.Length <= SourceWriter.MaxWidth) continue;
            var tokens = SyntaxFactory.ParseTokens(line.Trim()).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
            var single = tokens.Count == 1 && !tokens[0].HasLeadingTrivia && !tokens[0].HasTrailingTrivia;
            Assert.True(single, $"A generated line of {line.Length} characters that is not one token: {line}");
            if (userSource is not null)
                Assert.True(userSource.Contains(tokens[0].Text, StringComparison.Ordinal), $"A generated token of {tokens[0].Text.Length} characters the user did not write: {tokens[0].Text}");
        }
    }
}
