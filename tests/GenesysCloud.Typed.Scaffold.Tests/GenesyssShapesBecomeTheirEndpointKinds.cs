using GenesysCloud.Typed.Scaffold.Planning;

namespace GenesysCloud.Typed.Scaffold.Tests;

/// <summary>Genesys's shapes, recognised on the full-size document: listings by page number and cursor, searches in the
/// POST body, analytics jobs, HEAD, and everything else one answer.</summary>
public sealed class GenesyssShapesBecomeTheirEndpointKinds
{
    private static MethodPlan Method(string operationId)
    {
        var document = Fixture.Document;
        var operation = document.Operations.Single(o => o.OperationId == operationId);
        var plan = Planner.Plan(document, [operation], "Acme", "AcmeJson", "test");
        return plan.Interfaces.Single().Methods.Single();
    }

    [Fact]
    public void GetUsers_is_a_page_number_listing_of_users_with_every_query_parameter()
    {
        var method = Method("getUsers");
        Assert.Equal("GetUsersAsync", method.Name);
        Assert.Equal("global::System.Collections.Generic.IAsyncEnumerable<User>", method.ReturnType);
        Assert.DoesNotContain(method.Attributes, a => a.Contains("Paging"));
        Assert.Contains("global::GenesysCloud.Typed.Get(\"/api/v2/users\")", method.Attributes);
        Assert.Contains(method.Parameters, p => p.Declaration == "[global::GenesysCloud.Typed.Query] global::System.Collections.Generic.IReadOnlyList<string>? id = null");
        Assert.Contains(method.Parameters, p => p.Declaration == "[global::GenesysCloud.Typed.Query] int? pageSize = null");
        Assert.Equal("global::System.Threading.CancellationToken cancellationToken = default", method.Parameters[^1].Declaration);
    }

    [Fact]
    public void PatchUser_takes_the_route_value_then_the_body()
    {
        var method = Method("patchUser");
        Assert.Equal("global::System.Threading.Tasks.Task<User>", method.ReturnType);
        Assert.Equal(["string userId", "[global::GenesysCloud.Typed.Body] UpdateUser body", "global::System.Threading.CancellationToken cancellationToken = default"],
            method.Parameters.Select(p => p.Declaration));
        Assert.Contains("global::GenesysCloud.Typed.RequiresScope(\"users\")", method.Attributes);
    }

    [Fact]
    public void PostUsersSearch_pages_in_its_body_by_page_number()
    {
        var method = Method("postUsersSearch");
        Assert.Contains("global::GenesysCloud.Typed.Paging(global::GenesysCloud.Typed.PagingStyle.BodyPageNumber, ItemsProperty = \"results\")", method.Attributes);
        Assert.Equal("global::System.Collections.Generic.IAsyncEnumerable<User>", method.ReturnType);
    }

    [Fact]
    public void The_conversation_details_job_is_a_genesys_job_of_its_conversations()
    {
        var method = Method("postAnalyticsConversationsDetailsJobs");
        Assert.Equal("PostAnalyticsConversationsDetailsJobsAsync", method.Name);
        Assert.Contains("global::GenesysCloud.Typed.AsyncJob(\"conversations\")", method.Attributes);
        Assert.StartsWith("global::GenesysCloud.Typed.GenesysJob<", method.ReturnType);
        // Its status and results stay plain calls.
        Assert.Equal("call", Method("getAnalyticsConversationsDetailsJob").Shape);
        Assert.Equal("call", Method("getAnalyticsConversationsDetailsJobResults").Shape);
    }

    [Fact]
    public void Head_operations_are_head_endpoints_returning_task()
    {
        var heads = Fixture.Document.Operations.Where(o => o.Verb == "HEAD").ToList();
        Assert.NotEmpty(heads);
        foreach (var head in heads)
        {
            var method = Method(head.OperationId);
            Assert.StartsWith("global::GenesysCloud.Typed.Head(", method.Attributes[0]);
            Assert.Equal("global::System.Threading.Tasks.Task", method.ReturnType);
        }
    }

    [Fact]
    public void Every_operation_of_the_document_is_scaffolded_or_named_in_a_note()
    {
        var document = Fixture.Document;
        var plan = Planner.Plan(document, document.Operations, "Acme", "AcmeJson", "test");
        var methods = plan.Interfaces.Sum(i => i.Methods.Count);
        Assert.Equal(document.Operations.Count, methods + plan.Notes.Count(n => n.Contains("is not scaffolded")));
        Assert.True(methods >= 3_300, $"{methods} methods");
        // Every shape occurs in the real document.
        var shapes = plan.Interfaces.SelectMany(i => i.Methods).GroupBy(m => m.Shape).ToDictionary(g => g.Key, g => g.Count());
        foreach (var shape in new[] { "page-number listing", "cursor listing", "search by page number", "analytics job", "call" })
            Assert.True(shapes.GetValueOrDefault(shape) > 0, $"no {shape}: {string.Join(", ", shapes)}");
    }
}
