using System.Text.Json;
using System.Text.Json.Serialization;
using GenesysCloud.Typed;

[assembly: GrantedScopes("analytics:readonly")]

namespace ConversationExport;

/// <summary>The one endpoint the export needs: a conversation details job. The generator writes the client: submit,
/// poll, results by cursor, delete.</summary>
[GenesysApi(JsonContext = typeof(ExportJson))]
[RequiresScope("analytics", "analytics:readonly")]
public partial interface IAnalyticsApi
{
    /// <summary>Each conversation as the API sends it (a JSON object, written to the export unchanged).</summary>
    [Post("/api/v2/analytics/conversations/details/jobs")]
    [AsyncJob("conversations")]
    GenesysJob<JsonElement> ExportConversations([Body] ConversationQuery query, CancellationToken cancellationToken = default);
}

/// <summary>The job's query: an ISO 8601 interval (<c>start/end</c>) and the order of the results.</summary>
public sealed record ConversationQuery(string Interval, string Order = "asc");

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(ConversationQuery))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(ExportCheckpoint))]
[JsonSerializable(typeof(ExportSummary))]
[JsonSerializable(typeof(EmulatorHostInfo))]
public sealed partial class ExportJson : JsonSerializerContext;
