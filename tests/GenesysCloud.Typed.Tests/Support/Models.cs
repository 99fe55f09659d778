using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenesysCloud.Typed.Tests;

public sealed record User
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Department { get; init; }
    public string? Title { get; init; }
    public string? State { get; init; }
    public int Version { get; init; }
}

public sealed record UpdateUser
{
    public string? Department { get; init; }
    public string? Title { get; init; }
    public required int Version { get; init; }
}

public sealed record Conversation(string ConversationId, DateTimeOffset ConversationStart);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(UpdateUser))]
[JsonSerializable(typeof(Conversation))]
public sealed partial class TestJson : JsonSerializerContext;
