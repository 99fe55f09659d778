using GenesysCloud.Typed.Scaffold.Planning;
using Microsoft.CodeAnalysis.CSharp;

namespace GenesysCloud.Typed.Scaffold.Tests;

/// <summary>Every name the document can hold becomes a C# identifier C# accepts: types and members in PascalCase,
/// parameters in camelCase with keywords escaped, repeats numbered.</summary>
public sealed class AnyNameBecomesAnIdentifierCSharpAccepts
{
    private const string Alphabet = "aZ09_- .$@/{}:ëж中🙂";

    public static TheoryData<int> Seeds() => new() { 1, 2, 3, 4 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Any_name_becomes_an_identifier_csharp_accepts(int seed)
    {
        var random = new Random(seed);
        var names = Enumerable.Range(0, 2_000).Select(_ => new string(Enumerable.Range(0, random.Next(0, 10)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray()))
            .Where(n => !n.Any(char.IsSurrogate))
            .Concat(SyntaxFacts.GetKeywordKinds().Select(SyntaxFacts.GetText))
            .Concat(["Task", "Action", "Object", "Type", "Range", "Index", "Version", "Environment", "Attribute", "", "1", "_", "__"]);
        foreach (var name in names)
        {
            var pascal = Names.Pascal(name);
            Assert.True(SyntaxFacts.IsValidIdentifier(pascal) && SyntaxFacts.GetKeywordKind(pascal) == SyntaxKind.None, $"'{name}' → '{pascal}'");
            var camel = Names.Camel(name);
            var bare = Names.Bare(camel);
            Assert.True(SyntaxFacts.IsValidIdentifier(bare), $"'{name}' → '{camel}'");
            Assert.Equal(SyntaxFacts.GetKeywordKind(bare) != SyntaxKind.None, camel.StartsWith('@'));
        }
    }

    [Theory]
    [InlineData("Workforce Management", "WorkforceManagement")]
    [InlineData("getUsers", "GetUsers")]
    [InlineData("self_uri", "SelfUri")]
    [InlineData("24h", "N24h")]
    [InlineData("", "Unnamed")]
    public void Pascal_case_as_the_contract_spells_it(string name, string expected) => Assert.Equal(expected, Names.Pascal(name));

    [Theory]
    [InlineData("userId", "userId")]
    [InlineData("X-Request-Id", "xRequestId")]
    [InlineData("class", "@class")]
    [InlineData("IPAddress", "ipAddress")]
    [InlineData("URL", "url")]
    public void Camel_case_for_parameters(string name, string expected) => Assert.Equal(expected, Names.Camel(name));

    [Fact]
    public void A_scope_numbers_repeats_and_never_gives_a_reserved_name()
    {
        var scope = new NameScope(["Create", "cancellationToken"]);
        Assert.Equal(["Create2", "Foo", "Foo2", "Foo3", "cancellationToken2", "@class", "class2"],
            new[] { "Create", "Foo", "Foo", "Foo", "cancellationToken", "@class", "@class" }.Select(scope.Claim));
    }
}
