using GenesysCloud.Typed.Scaffold.Document;
using GenesysCloud.Typed.Scaffold.Planning;
using Microsoft.CodeAnalysis.CSharp;

namespace GenesysCloud.Typed.Scaffold.Tests;

/// <summary>The names the hostile document forces: every one a distinct identifier C# accepts, nothing clashing with
/// the context, the interfaces, record members or the framework names System.Text.Json gives context properties.
/// (AScaffoldedClientBuildsAndRunsAgainstTheEmulator builds the result with warnings as errors.)</summary>
public sealed class AHostileDocumentsNamesStayDistinctAndKeepTheirJsonNames
{
    private static readonly ScaffoldPlan Plan = Make();

    private static ScaffoldPlan Make()
    {
        var document = DocumentReader.Read(System.Text.Encoding.UTF8.GetBytes(HostileDocument.Json()), "hostile.json");
        return Planner.Plan(document, document.Operations, "Acme.Hostile", "HostileJson", "hostile");
    }

    [Fact]
    public void Type_names_are_distinct_identifiers_and_never_the_contexts_an_interfaces_or_a_framework_context_property()
    {
        var types = Plan.Models.Select(m => m.Name).Concat(Plan.Interfaces.Select(i => i.Name)).Append(Plan.ContextName).ToList();
        Assert.Equal(types.Count, types.Distinct(StringComparer.Ordinal).Count());
        Assert.All(types, t => Assert.True(SyntaxFacts.IsValidIdentifier(t), t));
        var models = Plan.Models.Select(m => m.Name).ToHashSet();
        Assert.Contains("Task", models);
        Assert.Contains("Version", models);
        Assert.DoesNotContain("HostileJson", models);
        Assert.DoesNotContain("ITaskApi", models);
        Assert.DoesNotContain("String", models);
        Assert.DoesNotContain("JsonElement", models);
        Assert.Contains("FooBar", models);
        Assert.Contains("FooBar2", models);
    }

    [Fact]
    public void Properties_never_take_the_records_name_or_a_record_members_and_keep_their_json_names()
    {
        string[] recordMembers = ["EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "Deconstruct", "PrintMembers", "MemberwiseClone"];
        foreach (var model in Plan.Models.Where(m => !m.IsValueList))
        {
            var members = model.Properties.Select(p => p.Name).Concat(model.Constants.Select(c => c.Name)).ToList();
            Assert.Equal(members.Count, members.Distinct(StringComparer.Ordinal).Count());
            Assert.DoesNotContain(model.Name, members);
            Assert.Empty(members.Intersect(recordMembers));
            Assert.All(model.Properties, p => Assert.True(SyntaxFacts.IsValidIdentifier(p.Name) && (p.NeedsJsonName || System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name) == p.JsonName), p.Name));
        }
        var version = Plan.Models.Single(m => m.Name == "Version");
        Assert.Equal("version", version.Properties.Single(p => p.Name == "Version2").JsonName);
        Assert.DoesNotContain(version.Properties, p => p.Name == "Clone");
        Assert.Equal("Task?", version.Properties.Single(p => p.JsonName == "wrapped").Type);   // allOf of one $ref is that type
    }

    [Fact]
    public void Descriptions_are_escaped_once_whatever_entities_they_already_hold() =>
        Assert.Equal("Tom &amp; Jerry &lt;3 'x'", GenesysCloud.Typed.Scaffold.Emit.XmlDoc.Clean("Tom &amp; Jerry &lt;3 &#39;x&#39;"));

    [Fact]
    public void Every_parameter_is_documented_so_a_documentation_file_build_accepts_it()
    {
        var text = GenesysCloud.Typed.Scaffold.Emit.InterfaceEmitter.Write(Plan, Plan.Interfaces.Single(i => i.Name == "ITaskApi"));
        foreach (var method in Plan.Interfaces.Single(i => i.Name == "ITaskApi").Methods)
            foreach (var parameter in method.Parameters)
                Assert.Contains($"<param name=\"{Names.Bare(parameter.Name)}\">", text);
    }

    [Fact]
    public void Parameters_are_distinct_placeholders_bind_and_reserved_headers_are_left_out_with_a_note()
    {
        var thing = Plan.Interfaces.Single(i => i.Name == "ITaskApi").Methods.Single(m => m.OperationId == "getThing");
        var names = thing.Parameters.Select(p => Names.Bare(p.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal("/api/v2/tasks/{event}/things/{thingId}", thing.Route);
        Assert.Equal(["@event", "thingId"], thing.Parameters.Take(2).Select(p => p.Name));
        Assert.DoesNotContain(thing.Parameters, p => p.Declaration.Contains("\"Authorization\""));
        Assert.Contains(Plan.Notes, n => n.Contains("'Authorization' is left out"));
        Assert.Contains(Plan.Notes, n => n.Contains("postUpload") && n.Contains("not scaffolded"));
        Assert.Equal("global::System.Threading.CancellationToken cancellationToken = default", thing.Parameters[^1].Declaration);
        Assert.True(thing.Parameters.Count > 30);
    }

    [Fact]
    public void Method_names_that_meet_after_pascal_case_are_numbered()
    {
        var methods = Plan.Interfaces.Single(i => i.Name == "ITaskApi").Methods.Select(m => m.Name).ToList();
        Assert.Contains("GetThingAsync", methods);
        Assert.Contains("GetThingAsync2", methods);
        Assert.Contains("CreateAsync", methods);
    }
}
