using System.Text;
using GenesysCloud.Typed.Scaffold.Document;
using GenesysCloud.Typed.Scaffold.Planning;

namespace GenesysCloud.Typed.Scaffold.Tests;

/// <summary>What cannot be scaffolded says so by name, with exit code 1 (the document) or 2 (the command line), and
/// nothing is written.</summary>
public sealed class BadInputIsNamedAndNothingIsWritten
{
    private const string Minimal = """
        {"swagger":"2.0","info":{"title":"T","version":"1"},"paths":{"/api/v2/things/{thingId}":{"get":{"tags":["Things"],"operationId":"getThing",
        "parameters":[{"name":"thingId","in":"path","required":true,"type":"string"}],"responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/Thing"}}}}}},
        "definitions":{"Thing":{"type":"object","properties":{"id":{"type":"string"},"other":{"$ref":"#/definitions/OTHER"}}},"OTHER":{"type":"object","properties":{"x":{"type":"string"}}}}}
        """;

    public static TheoryData<string, string> NotDocuments() => new()
    {
        { "", "empty" },
        { "<html><body>502 Bad Gateway</body></html>", "not a JSON object" },
        { "[1,2,3]", "not a JSON object" },
        { "{}", "not a Swagger 2.0 or OpenAPI 3 document" },
        { """{"name":"package.json","version":"1.0.0"}""", "not a Swagger 2.0 or OpenAPI 3 document" },
        { """{"swagger":"2.0","info":{"title":"T","version":"1"},"paths":{}}""", "without operations" },
        { "{\"swagger\":\"2.0\",", "not" },
        { Minimal.Replace("#/definitions/OTHER", "#/definitions/Missing"), "definitions/Thing.other: $ref to definition 'Missing', which the document does not define" },
        { Minimal.Replace("\"OTHER\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}}}", "\"OTHER\":{\"$ref\":\"#/definitions/OTHER\"}"), "reference cycle" },
        { Minimal.Replace("\"schema\":{\"$ref\":\"#/definitions/Thing\"}", "\"schema\":{\"$ref\":\"#/definitions/Nope\"}"), "GET /api/v2/things/{thingId} response 200: $ref to definition 'Nope'" },
    };

    [Theory]
    [MemberData(nameof(NotDocuments))]
    public async Task A_document_that_cannot_be_scaffolded_is_named_and_nothing_is_written(string text, string says)
    {
        using var temp = new Fixture.TempFolder();
        var spec = Path.Combine(temp.Path, "spec.json");
        await File.WriteAllTextAsync(spec, text);
        var output = Path.Combine(temp.Path, "out");

        var error = await Assert.ThrowsAsync<DocumentException>(() => Scaffolder.RunAsync(new ScaffoldRequest(spec, output, "Acme", [], [], "AcmeJson"), default));

        Assert.Contains(says, error.Message);
        Assert.False(Directory.Exists(output));
        Assert.Single(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("--tag", "Userz", "did you mean 'Users'?")]
    [InlineData("--tag", "Analytcs", "did you mean 'Analytics'?")]
    [InlineData("--operation", "getUserz", "did you mean 'getUser")]
    [InlineData("--operation", "nothingLikeIt", "is not an operation of the document.")]
    public async Task An_unknown_tag_or_operation_is_a_usage_error_with_the_nearest_name(string option, string value, string says)
    {
        using var temp = new Fixture.TempFolder();
        var output = Path.Combine(temp.Path, "out");
        var request = new ScaffoldRequest(Fixture.Path, output, "Acme", option == "--tag" ? [value] : [], option == "--operation" ? [value] : [], "AcmeJson");

        var error = await Assert.ThrowsAsync<UsageException>(() => Scaffolder.RunAsync(request, default));

        Assert.Contains(says, error.Message);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("Acme..Genesys", "AcmeJson")]
    [InlineData("class", "AcmeJson")]
    [InlineData("Acme", "1Json")]
    [InlineData("Acme", "Acme Json")]
    public async Task A_namespace_or_context_name_csharp_refuses_is_a_usage_error(string ns, string context)
    {
        using var temp = new Fixture.TempFolder();
        await Assert.ThrowsAsync<UsageException>(() => Scaffolder.RunAsync(new ScaffoldRequest(Fixture.Path, Path.Combine(temp.Path, "o"), ns, [], [], context), default));
    }

    [Theory]
    [InlineData("Class", "Event")]
    [InlineData("Acme.Internal.Genesys", "Public")]
    [InlineData("_Acme.this_", "_Json")]
    [InlineData("Zoë.Genesys", "ZoëJson")]
    public async Task A_namespace_or_context_name_csharp_accepts_is_used_as_given(string ns, string context)
    {
        // Keywords are lowercase: a capitalised one (Class, Event, Internal) is an ordinary identifier.
        using var temp = new Fixture.TempFolder();
        var output = Path.Combine(temp.Path, "o");

        await Scaffolder.RunAsync(new ScaffoldRequest(Fixture.Path, output, ns, [], ["getUser"], context), default);

        var contextFile = await File.ReadAllTextAsync(Path.Combine(output, context + ".cs"));
        Assert.Contains($"namespace {ns};", contextFile);
        Assert.Contains($"partial class {context}", contextFile);
    }
}
