namespace GenesysCloud.Typed.Generator.Shared;

/// <summary>Symbol names as identifiers in emitted code.</summary>
internal static class Identifier
{
    /// <summary>"class" → "@class": a symbol name usable as an identifier in emitted code.</summary>
    public static string Escape(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

    /// <summary>"@class" → "class": the name the compiler compares (a local may not reuse it).</summary>
    public static string Unescape(string name) => name.StartsWith("@") ? name.Substring(1) : name;
}
