using System.Text.Json.Serialization;

namespace GenesysCloud.Typed.Testing.Json;

// The shapes Genesys Cloud puts on the wire (../shared/GENESYS.md). Internal: tests read them as JSON, like a client does.

internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken);

internal sealed record OAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("error_description")] string ErrorDescription);

internal sealed record ApiError(
    string Message, string Code, int Status, string MessageWithParams, IReadOnlyDictionary<string, string> MessageParams,
    string ContextId, IReadOnlyList<ApiErrorDetail> Details, IReadOnlyList<ApiError> Errors);

internal sealed record ApiErrorDetail(string? ErrorCode, string? FieldName, string? EntityId, string? EntityName);

internal sealed record UserListing(
    IReadOnlyList<EmulatedUser> Entities, int PageSize, int PageNumber, long Total, int PageCount,
    string FirstUri, string SelfUri, string? NextUri, string? PreviousUri, string LastUri);

internal sealed record UserCursorListing(IReadOnlyList<EmulatedUser> Entities, string? Cursor, string? NextUri, string SelfUri);

/// <summary><c>GET /emulator/info</c>: what the emulator was seeded with, for clients of an emulator host (not a Genesys API).</summary>
internal sealed record EmulatorInfo(int Users, int Conversations, DateTimeOffset ConversationsStart, DateTimeOffset ConversationsEnd);

internal sealed record UserPatch(string? Name, string? Department, string? Title, string? Email, string? State, int? Version);

internal sealed record AnalyticsJobRequest(string? Interval);

internal sealed record AnalyticsJobCreated(string JobId);

internal sealed record AnalyticsJobStatus(string State, DateTimeOffset SubmissionDate, DateTimeOffset? ExpirationDate, string? ErrorMessage);

internal sealed record AnalyticsResults(IReadOnlyList<EmulatedConversation> Conversations, string? Cursor, DateTimeOffset DataAvailabilityDate);

internal sealed record EmulatedConversation(
    string ConversationId, DateTimeOffset ConversationStart, DateTimeOffset ConversationEnd, string OriginatingDirection,
    IReadOnlyList<string> DivisionIds, IReadOnlyList<EmulatedParticipant> Participants);

internal sealed record EmulatedParticipant(string ParticipantId, string Purpose, string? UserId, string? ParticipantName);

internal sealed record UserSearchRequest(int? PageSize, int? PageNumber, string? NextPage, IReadOnlyList<UserSearchCriterion>? Query, string? SortOrder);

internal sealed record UserSearchCriterion(string? Type, IReadOnlyList<string>? Fields, string? Value, IReadOnlyList<string>? Values);

// types: the entity types searched, which Genesys's UsersSearchResponse requires (["users"] for a user search).
internal sealed record UserSearchResponse(long Total, int PageCount, int PageSize, int PageNumber, IReadOnlyList<string> Types, IReadOnlyList<EmulatedUser> Results, string? NextPage);

internal sealed record DivisionRef(string Id, string Name, string SelfUri);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(OAuthError))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(UserListing))]
[JsonSerializable(typeof(UserCursorListing))]
[JsonSerializable(typeof(EmulatedUser))]
[JsonSerializable(typeof(UserPatch))]
[JsonSerializable(typeof(AnalyticsJobRequest))]
[JsonSerializable(typeof(AnalyticsJobCreated))]
[JsonSerializable(typeof(AnalyticsJobStatus))]
[JsonSerializable(typeof(AnalyticsResults))]
[JsonSerializable(typeof(LedgerSnapshot))]
[JsonSerializable(typeof(EmulatorInfo))]
[JsonSerializable(typeof(UserSearchRequest))]
[JsonSerializable(typeof(UserSearchResponse))]
internal sealed partial class EmulatorJson : JsonSerializerContext;
