using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Diagnostics;

/// <summary>Every diagnostic GenesysCloud.Typed reports, each with a help link to its section of docs/diagnostics.md.</summary>
internal static class Descriptors
{
    private const string HelpBase = "https://github.com/genesyscloud-typed/GenesysCloud.Typed/blob/main/docs/diagnostics.md#";
    private const string Scopes = "GenesysCloud.Scopes";
    private const string Contract = "GenesysCloud.Contract";

    private static DiagnosticDescriptor Rule(string id, string title, string message, string category, DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());

    // Scopes
    public static readonly DiagnosticDescriptor MissingScope = Rule("GCT0001", "Endpoint needs an OAuth scope the app is not granted",
        "{0} {1} needs one of the scopes [{2}], but [assembly: GrantedScopes] grants [{3}]", Scopes, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UnknownScope = Rule("GCT0002", "Unknown OAuth scope",
        "'{0}' is not a Genesys Cloud OAuth scope{1}", Scopes, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor WriteWithReadOnlyScope = Rule("GCT0003", "A write endpoint accepts only a read-only scope",
        "{0} {1} writes, but its only accepted scope{2} [{3}] {4} read-only: Genesys Cloud requires the full scope for writes", Scopes, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor NoRequiredScope = Rule("GCT0004", "Endpoint declares no OAuth scope",
        "{0} {1} declares no [RequiresScope], so GCT0001 cannot check it against [assembly: GrantedScopes]", Scopes, DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor NoCancellationToken = Rule("GCT0005", "Endpoint cannot be cancelled",
        "'{0}' takes no CancellationToken, so a caller cannot stop it or its retries", Contract, DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor NoJsonContext = Rule("GCT0006", "Interface without a JsonContext",
        "'{0}' names no JsonContext, so a model missing from your JsonSerializerContext is found on the first call, not at build time; " +
        "write [GenesysApi(JsonContext = typeof(YourJsonContext))]", Contract, DiagnosticSeverity.Info);

    // Checked against Genesys's API document (genesys-api.json in AdditionalFiles)
    private const string Document = "GenesysCloud.Document";
    public static readonly DiagnosticDescriptor IndexUnusable = Rule("GCT0200", "The API index cannot be used",
        "{0} cannot be used, so no endpoint is checked against Genesys's API document: {1}", Document, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UndocumentedEndpoint = Rule("GCT0201", "Endpoint not in Genesys's API document",
        "{0} {1} is not in {2}{3}", Document, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor PlaceholderNameDiffers = Rule("GCT0202", "Route placeholder named differently from the document",
        "The placeholder {{{0}}} of {1} {2} is {{{3}}} in {4}", Document, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UndocumentedQuery = Rule("GCT0203", "Query parameter the operation does not have",
        "{0} {1} has no query parameter '{2}' in {3}{4}", Document, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UndocumentedHeader = Rule("GCT0204", "Header the operation does not have",
        "{0} {1} has no header '{2}' in {3}{4}", Document, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor RequiredQueryUnbound = Rule("GCT0205", "Required query parameter not bound",
        "{0} {1} requires the query parameter '{2}' ({3}) in {4}, but '{5}' does not send it: add a [Query] parameter named '{2}'", Document, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor ScopesDiffer = Rule("GCT0206", "[RequiresScope] differs from the document's scopes",
        "{0} {1} accepts the scopes [{2}] in {3}, but '{4}' requires [{5}]", Document, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor DeprecatedOperation = Rule("GCT0207", "Deprecated operation",
        "{0} {1} is deprecated in {2}: Genesys may remove it; mark '{3}' [Obsolete] once you have checked it is still what you want", Document, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor PreviewOperation = Rule("GCT0208", "Preview operation",
        "{0} {1} is a preview in {2}: Genesys may change or remove it without notice", Document, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor UndocumentedBodyProperty = Rule("GCT0209", "Body property the document's schema does not have",
        "The body {0} of '{1}' has the JSON property '{2}', which {3} (the body of {4} {5}) does not have: Genesys ignores it{6}", Document, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UndocumentedResultProperty = Rule("GCT0210", "Result property the document's schema does not have",
        "The result {0} of '{1}' has the JSON property '{2}', which {3} (the result of {4} {5}) does not have: it is never filled{6}", Document, DiagnosticSeverity.Warning);

    // Contract
    public static readonly DiagnosticDescriptor NotPartial = Rule("GCT0101", "[GenesysApi] interface must be partial",
        "The [GenesysApi] interface '{0}' must be declared partial so its client can be generated into it", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NotAnInterface = Rule("GCT0102", "[GenesysApi] belongs on an interface",
        "[GenesysApi] is on '{0}', which is not an interface", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor CannotExtend = Rule("GCT0103", "[GenesysApi] interface cannot be generated",
        "No client can be generated for '{0}': {1}", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NoHttpMethod = Rule("GCT0104", "Endpoint without an HTTP method attribute",
        "'{0}' needs exactly one of [Get], [Post], [Put], [Patch], [Delete] or [Head]{1}", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor BadRoute = Rule("GCT0105", "Invalid route",
        "The route \"{0}\" of '{1}' is invalid: {2}", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor PlaceholderWithoutParameter = Rule("GCT0106", "Route placeholder with no parameter",
        "The route placeholder {{{0}}} of '{1}' has no parameter named '{0}'", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnboundParameter = Rule("GCT0107", "Parameter bound to nothing",
        "The parameter '{0}' of '{1}' is bound to nothing: add [Query], [Body] or [Header], or a {{{0}}} placeholder to the route", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor BoundTwice = Rule("GCT0108", "A name is bound twice",
        "{0} of '{1}' is bound more than once", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor TooManyBodies = Rule("GCT0109", "More than one body",
        "'{0}' has more than one [Body] parameter", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor TooManyCancellationTokens = Rule("GCT0110", "More than one CancellationToken",
        "'{0}' has more than one CancellationToken parameter", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor BodyNotAllowed = Rule("GCT0111", "Body on GET, HEAD or DELETE",
        "'{0}' is a {1} and cannot send a [Body]", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnsupportedReturn = Rule("GCT0112", "Unsupported return type",
        "'{0}' returns {1}; an endpoint returns Task, Task<T>, Task<ApiResponse<T>>, IAsyncEnumerable<T>, GenesysPageable<T> or GenesysJob<T>", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor PagingWithoutPagedReturn = Rule("GCT0113", "[Paging] on a method that does not page",
        "'{0}' has [Paging] but does not return IAsyncEnumerable<T> or GenesysPageable<T>, the only returns that page", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor GenericMethod = Rule("GCT0114", "Generic endpoint method",
        "'{0}' is generic; endpoint methods cannot have type parameters", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor BadHeaderName = Rule("GCT0115", "Invalid header name",
        "\"{0}\" on parameter '{1}' {2}", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnsupportedParameterType = Rule("GCT0116", "Parameter type cannot be sent",
        "The {0} parameter '{1}' has the type {2}, which cannot be written in a {0}; use a string, number, bool, Guid, date, enum{3}", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NotAMethod = Rule("GCT0117", "Interface member that is not an endpoint",
        "'{0}' is {1}; a [GenesysApi] interface declares only endpoint methods", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ByReference = Rule("GCT0118", "Parameter passed by reference",
        "The parameter '{0}' of '{1}' is ref, out, in or __arglist; endpoint parameters are passed by value", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ConflictingBindings = Rule("GCT0119", "Parameter with several bindings",
        "The parameter '{0}' of '{1}' has more than one of [Query], [Body] and [Header]", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownArgument = Rule("GCT0120", "Attribute argument the generator does not understand",
        "The {0} of '{1}' is {2}, which the generator does not understand; {3}", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NotSerializable = Rule("GCT0121", "Body or result type that cannot be JSON",
        "The {0} of '{1}' has the type {2}, which cannot be sent or received as JSON: {3}; use a class, struct, array or collection type", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor MissingJsonContract = Rule("GCT0122", "Model missing from the JsonContext",
        "'{0}' {1} {2}, which the JsonContext {3} does not declare: add [JsonSerializable(typeof({2}))] to {3}", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor BadJsonContext = Rule("GCT0123", "JsonContext that cannot be used",
        "The JsonContext of '{0}' is {1}; name a JsonSerializerContext the interface can see, e.g. typeof(AppJson)", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor AsyncJobWithoutJobReturn = Rule("GCT0124", "[AsyncJob] on a method that is not a job",
        "'{0}' has [AsyncJob] but does not return GenesysJob<T>", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor HeadWithResult = Rule("GCT0125", "HEAD endpoint with a result",
        "'{0}' is a HEAD, whose answer has no body: it returns Task, not {1}", Contract, DiagnosticSeverity.Error);

    // Paging (GCT0113 above) and jobs (GCT0124 above), one ID for each mistake.
    public static readonly DiagnosticDescriptor UnknownPagingStyle = Rule("GCT0126", "Paging style that does not exist",
        "The [Paging] style of '{0}' is {1}, which is not a PagingStyle; use {2}", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor PagedListingNotGet = Rule("GCT0127", "Paged listing that is not a GET",
        "'{0}' pages a listing with a {1}; a listing pages with a GET, a search that pages in its POST body says " +
        "[Paging(PagingStyle.BodyPageNumber)] or [Paging(PagingStyle.BodyNextPage)], and Task<T> is one answer", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor BodyPagingNotPost = Rule("GCT0128", "Search paged in its body that is not a POST",
        "'{0}' pages in the request body (PagingStyle.{1}), so it is a POST with a [Body], not a {2}", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor BodyPagingWithoutBody = Rule("GCT0129", "Search paged in its body without a [Body]",
        "'{0}' pages in the request body (PagingStyle.{1}) but has no [Body] parameter: add the search's [Body]", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor BodyPagingBodyNotObject = Rule("GCT0130", "Search body that cannot carry the page",
        "'{0}' pages in the request body (PagingStyle.{1}), which must be a JSON object to carry the page, not {2}", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor JobWithoutAsyncJob = Rule("GCT0131", "Job without [AsyncJob]",
        "'{0}' returns GenesysJob<T> but has no [AsyncJob(\"itemsProperty\")] naming where its results' items are", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor JobNotPost = Rule("GCT0132", "Job not submitted with a POST",
        "'{0}' submits a job with a {1}; a job is submitted with a POST of its query", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor PagingOnJob = Rule("GCT0133", "[Paging] on a job",
        "'{0}' is a job, whose results page by its cursor: remove [Paging]", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor JobWithoutItemsProperty = Rule("GCT0134", "Job without an items property",
        "The [AsyncJob] of '{0}' names no items property: name the JSON property of a results page that holds the items, e.g. \"conversations\"", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor JobPathNotRoute = Rule("GCT0135", "Job path that is not a route",
        "The [AsyncJob] {0} \"{1}\" of '{2}' is not a valid route: {3}", Contract, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor JobPathWithoutJobId = Rule("GCT0136", "Job path without its {jobId}",
        "The [AsyncJob] {0} \"{1}\" of '{2}' must hold exactly one placeholder, {{jobId}}", Contract, DiagnosticSeverity.Error);
}
