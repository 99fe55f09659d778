namespace GenesysCloud.Typed.Generator.Reading;

/// <summary>Metadata names of the runtime's attributes and types, resolved to symbols once per compilation by
/// <see cref="KnownSymbols"/>.</summary>
internal static class KnownNames
{
    public const string Namespace = "GenesysCloud.Typed";
    public const string GenesysApi = "GenesysCloud.Typed.GenesysApiAttribute";
    public const string Query = "GenesysCloud.Typed.QueryAttribute";
    public const string Body = "GenesysCloud.Typed.BodyAttribute";
    public const string Header = "GenesysCloud.Typed.HeaderAttribute";
    public const string RequiresScope = "GenesysCloud.Typed.RequiresScopeAttribute";
    public const string GrantedScopes = "GenesysCloud.Typed.GrantedScopesAttribute";
    public const string Paging = "GenesysCloud.Typed.PagingAttribute";
    public const string Idempotent = "GenesysCloud.Typed.IdempotentAttribute";
    public const string ApiResponse = "GenesysCloud.Typed.ApiResponse`1";
    public const string Pageable = "GenesysCloud.Typed.GenesysPageable`1";
    public const string Job = "GenesysCloud.Typed.GenesysJob`1";
    public const string AsyncJob = "GenesysCloud.Typed.AsyncJobAttribute";
    public const string Task = "System.Threading.Tasks.Task";
    public const string TaskOfT = "System.Threading.Tasks.Task`1";
    public const string AsyncEnumerable = "System.Collections.Generic.IAsyncEnumerable`1";
    public const string CancellationToken = "System.Threading.CancellationToken";
}
