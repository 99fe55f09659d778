namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>The representative interfaces the golden and compile tests run on.</summary>
internal static class Sources
{
    public const string Models = """
        #nullable enable
        namespace Contoso.Models
        {
            public sealed class User { public string Id { get; set; } = ""; public string Name { get; set; } = ""; public int Version { get; set; } }
            public sealed class UpdateUser { public string? Department { get; set; } public int Version { get; set; } }
            public sealed class Conversation { public string ConversationId { get; set; } = ""; }
            public enum SortOrder { Ascending, Descending }
            public enum Media { [System.Runtime.Serialization.EnumMember(Value = "VOICE")] Voice, Chat }
        }
        """;

    public const string UsersApi = """
        #nullable enable
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Contoso.Models;
        using GenesysCloud.Typed;

        [assembly: GrantedScopes("users", "routing:readonly")]

        namespace Contoso.Genesys
        {
            [GenesysApi]
            [RequiresScope("users", "users:readonly")]
            public partial interface IUsersApi
            {
                [Get("/api/v2/users")]
                IAsyncEnumerable<User> ListUsersAsync([Query] int pageSize = 100, [Query("expand")] IReadOnlyList<string>? expand = null, CancellationToken cancellationToken = default);

                [Get("/api/v2/users/{userId}")]
                Task<User> GetUserAsync(string userId, CancellationToken cancellationToken = default);

                [Patch("/api/v2/users/{userId}"), RequiresScope("users")]
                Task<User> UpdateUserAsync(string userId, [Body] UpdateUser body, CancellationToken cancellationToken = default);
            }
        }
        """;

    /// <summary>An interface naming its JsonSerializerContext (written out as the System.Text.Json generator would
    /// complete it, since that generator does not run in these tests).</summary>
    public const string JsonContext = """
        #nullable enable
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Contoso.Models;
        using GenesysCloud.Typed;

        namespace Contoso.Genesys
        {
            [GenesysApi(JsonContext = typeof(AppJson))]
            public partial interface IContextApi
            {
                [Get("/api/v2/users")]
                IAsyncEnumerable<User> ListAsync(CancellationToken ct = default);

                [Patch("/api/v2/users/{userId}")]
                Task<ApiResponse<User>> UpdateAsync(string userId, [Body] UpdateUser body, CancellationToken ct = default);
            }

            [System.Text.Json.Serialization.JsonSerializable(typeof(User))]
            [System.Text.Json.Serialization.JsonSerializable(typeof(UpdateUser))]
            internal sealed class AppJson : System.Text.Json.Serialization.JsonSerializerContext
            {
                public AppJson() : base(null) { }
                public static AppJson Default { get; } = new();
                protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
            }
        }
        """;

    public const string Bindings = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Contoso.Models;
        using GenesysCloud.Typed;

        namespace Contoso.Genesys
        {
            [GenesysApi]
            internal partial interface IBindingsApi
            {
                [Get("/api/v2/things/{id}/parts/{partNumber}/{kind}")]
                Task<ApiResponse<User>> RouteKindsAsync(Guid id, int partNumber, SortOrder kind);

                [Get("/api/v2/search")]
                Task<User> QueryKindsAsync([Query] bool active, [Query("since")] DateTimeOffset? since, [Query] double ratio, [Query] Guid? owner,
                    [Query("sortOrder")] SortOrder? order, [Query("media")] IEnumerable<Media>? media, [Query(Format = QueryCollectionFormat.Csv)] int[]? ids,
                    [Query] long? limit, [Query("interval")] TimeSpan window, [Query] IReadOnlyList<TimeSpan?>? granularities, [Query("q")] string? text = null);

                [Post("/api/v2/things"), Idempotent]
                Task CreateAsync([Body] UpdateUser body, [Header("X-Correlation-Tag")] string? tag, [Header("X-Attempt")] int? attempt,
                    [Header("X-Wait")] TimeSpan? wait, CancellationToken ct);

                [Delete("/api/v2/things/{id}")]
                Task DeleteAsync(string id);

                [Put("/api/v2/things/{@class}")]
                Task<User> PutAsync(string @class, [Body] UpdateUser @event);
            }
        }
        """;

    public const string NestedAndGlobal = """
        #nullable enable
        using System.Threading.Tasks;
        using Contoso.Models;
        using GenesysCloud.Typed;

        [GenesysApi]
        public partial interface IGlobalApi
        {
            [Get("/api/v2/users/{userId}")]
            Task<User> GetAsync(string userId);
        }

        namespace Contoso.Nested
        {
            public static partial class Outer
            {
                internal partial record Middle
                {
                    [GenesysApi]
                    public partial interface IInnerApi
                    {
                        [Get("/api/v2/users/{userId}")]
                        Task<User> GetAsync(string userId);
                    }
                }
            }
        }
        """;

    public const string Inheritance = """
        #nullable enable
        using System.Threading.Tasks;
        using Contoso.Models;
        using GenesysCloud.Typed;

        namespace Contoso.Inherit
        {
            [GenesysApi, RequiresScope("users:readonly")]
            public partial interface IReadUsersApi
            {
                [Get("/api/v2/users/{userId}")]
                Task<User> GetAsync(string userId);
            }

            [GenesysApi, RequiresScope("users")]
            public partial interface IWriteUsersApi : IReadUsersApi
            {
                [Patch("/api/v2/users/{userId}")]
                Task<User> UpdateAsync(string userId, [Body] UpdateUser body);
            }
        }
        """;

    public const string Paging = """
        #nullable enable
        using System.Collections.Generic;
        using System.Threading;
        using Contoso.Models;
        using GenesysCloud.Typed;

        namespace Contoso.Paging
        {
            [GenesysApi]
            public partial interface IPagingApi
            {
                [Get("/api/v2/users")]
                IAsyncEnumerable<User> PageNumberAsync([Query] int pageSize = 25);

                [Get("/api/v2/users/query"), Paging(PagingStyle.Cursor)]
                IAsyncEnumerable<User> CursorAsync([Query] int pageSize = 25, CancellationToken cancellationToken = default);

                [Get("/api/v2/analytics/conversations/details/jobs/{jobId}/results"), Paging(PagingStyle.Cursor, ItemsProperty = "conversations")]
                GenesysPageable<Conversation> ResultsAsync(string jobId);

                [Post("/api/v2/users/search"), Paging(PagingStyle.BodyPageNumber, ItemsProperty = "results")]
                IAsyncEnumerable<User> SearchAsync([Body] UpdateUser search, CancellationToken cancellationToken = default);

                [Post("/api/v2/users/search"), Paging(PagingStyle.BodyNextPage, ItemsProperty = "results")]
                GenesysPageable<User> SearchByTokenAsync([Body] UpdateUser search);

                [Post("/api/v2/analytics/conversations/details/jobs"), AsyncJob("conversations")]
                GenesysJob<Conversation> ExportAsync([Body] UpdateUser query, CancellationToken cancellationToken = default);

                [Post("/api/v2/audits/query"), AsyncJob("entities", StatusPath = "/api/v2/audits/query/{jobId}", ResultsPath = "/api/v2/audits/query/{jobId}/results")]
                GenesysJob<User> AuditAsync([Body] UpdateUser query);
            }
        }
        """;

    public const string Unsupported = """
        #nullable enable
        using System;
        using System.Threading.Tasks;
        using Contoso.Models;
        using GenesysCloud.Typed;

        namespace Contoso.Broken
        {
            [GenesysApi]
            public partial interface IUnsupportedApi
            {
                [Get("/api/v2/users/{userId}")]
                Task<User> UnboundAsync(string userId, int page);

                [Get("/api/v2/users")]
                Task<T> GenericAsync<T>() where T : class;

                Task<User> NoAttributeAsync(string id);

                [Get("api/v2/users")]
                Task<User> BadRouteAsync();

                [Get("/api/v2/users/{userId}")]
                User NotAsync(string userId);

                string Name { get; set; }

                event EventHandler? Changed;

                void WithRef(ref int x, out string y);
            }
        }
        """;

    /// <summary>Legal signatures that should just work: nullability attributes on endpoint parameters and returns, params,
    /// tuple results, a static virtual member, a base's static abstract member implemented in the interface, a
    /// re-abstracted endpoint of a plain base interface, names that differ only in case, and [GenesysApi] on the second
    /// partial declaration after a look-alike attribute.</summary>
    public const string Unusual = """
        #nullable enable
        using System.Diagnostics.CodeAnalysis;
        using System.Threading;
        using System.Threading.Tasks;
        using Contoso.Models;
        using GenesysCloud.Typed;

        namespace Contoso.Unusual
        {
            public interface IHasArea { static abstract string Area { get; } }

            public interface ILegacy
            {
                [Get("/api/v2/users/me")]
                Task<User> MeAsync() => Task.FromResult(new User());
            }

            [GenesysApi]
            public partial interface IUnusualApi : IHasArea, ILegacy
            {
                static string IHasArea.Area => "users";
                static virtual string Region => "us-east-1";

                // Re-abstracted: the client implements the base's endpoint.
                abstract Task<User> ILegacy.MeAsync();

                [Get("/api/v2/users/{userId}")]
                [return: NotNull]
                Task<User?> GetAsync([AllowNull] string userId, [Query, AllowNull] string expand, [Query, DisallowNull] string? state, CancellationToken ct = default);

                [Post("/api/v2/users")]
                Task<(string Id, int Version)> CreateAsync([Body, AllowNull] UpdateUser body, [Header("X-Tag"), AllowNull] string tag);

                [Get("/api/v2/users/search")]
                Task<User> SearchAsync([Query] params string[] names);
            }

            public static class Usage
            {
                public static T Make<T>(GenesysCloudConnection c) where T : IGenesysApi<T> => T.Create(c);
                public static IUnusualApi Unusual(GenesysCloudConnection c) => Make<IUnusualApi>(c);
            }
        }

        namespace Contoso.Unusual.Casing
        {
            [GenesysApi] public partial interface IUsersApi { [Get("/api/v2/users/{userId}")] Task<User> GetAsync(string userId); }
            [GenesysApi] public partial interface IUSersApi { [Get("/api/v2/users/{userId}")] Task<User> GetAsync(string userId); }

            public sealed class GenesysApiNoteAttribute : System.Attribute { }
            [GenesysApiNote] public partial interface INotedApi { [Get("/api/v2/users/{userId}")] Task<User> GetAsync(string userId); }
            [GenesysApi] public partial interface INotedApi { }
        }
        """;
}
