using System.Collections.Concurrent;

namespace GenesysCloud.Typed.Testing;

/// <summary>What the emulator saw and did, for assertions: token requests, requests by route and status, throttling,
/// faults, and every applied user change. Thread-safe; <see cref="Snapshot"/> gives a consistent-enough copy.</summary>
public sealed class EmulatorLedger
{
    private readonly ConcurrentDictionary<string, int> _tokenRequestsByGrant = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _tokenErrors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Route, string Outcome), int> _requests = new();
    private readonly ConcurrentDictionary<string, int> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _userChanges = new(StringComparer.Ordinal);
    private readonly Func<int> _userCount;
    private readonly ConcurrentQueue<ReceivedRequest> _recent = new();
    private readonly Api.AnalyticsStore _analytics;
    private int _throttled;
    private int _jobsSubmitted, _jobsDeleted, _jobStatusPolls, _jobStatusPollsThrottled, _resultPages;

    /// <summary>How many received requests <see cref="RecentRequests"/> keeps.</summary>
    public const int RecentRequestCapacity = 2000;

    internal EmulatorLedger(Func<int> userCount, Api.AnalyticsStore analytics)
    {
        _userCount = userCount;
        _analytics = analytics;
    }

    /// <summary>Requests to <c>/oauth/token</c> with the given grant_type (successful or not).</summary>
    public int TokenRequests(string grantType) => _tokenRequestsByGrant.GetValueOrDefault(grantType);

    public int TotalTokenRequests => _tokenRequestsByGrant.Values.Sum();

    /// <summary>Token endpoint errors with the given OAuth error code (invalid_grant, invalid_client, …).</summary>
    public int TokenErrors(string error) => _tokenErrors.GetValueOrDefault(error);

    /// <summary>API requests answered on a route template (e.g. <c>GET /api/v2/users/{userId}</c>) with a status
    /// (or "dropped"); all outcomes when <paramref name="status"/> is null.</summary>
    public int Requests(string route, int? status = null) =>
        _requests.Where(kv => kv.Key.Route == route && (status is null || kv.Key.Outcome == status.Value.ToString()))
            .Sum(kv => kv.Value);

    public int TotalApiRequests => _requests.Values.Sum();

    /// <summary>429 answers served by the rate limiter or the daily quota.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>Injected faults by kind: "500", "502", "503", "504", "drop-before", "drop-after", "malformed", "scripted".</summary>
    public int Faults(string kind) => _faults.GetValueOrDefault(kind);

    public int TotalFaults => _faults.Values.Sum();

    /// <summary>How many PATCHes were applied to the user.</summary>
    public int ChangesOf(string userId) => _userChanges.GetValueOrDefault(userId);

    /// <summary>Analytics jobs accepted (202).</summary>
    public int JobsSubmitted => Volatile.Read(ref _jobsSubmitted);

    /// <summary>Analytics jobs deleted (204).</summary>
    public int JobsDeleted => Volatile.Read(ref _jobsDeleted);

    /// <summary>Job status polls answered with a state (200); throttled polls are in <see cref="JobStatusPollsThrottled"/>.</summary>
    public int JobStatusPolls => Volatile.Read(ref _jobStatusPolls);

    /// <summary>Job status polls answered 429 by <see cref="EmulatorOptions.AnalyticsStatusPollsPerMinute"/> (also in <see cref="Throttled"/>).</summary>
    public int JobStatusPollsThrottled => Volatile.Read(ref _jobStatusPollsThrottled);

    /// <summary>Job results pages delivered intact (a page whose connection was dropped, or whose body was mangled, is not counted).</summary>
    public int ResultPagesServed => Volatile.Read(ref _resultPages);

    /// <summary>How many delivered results pages held this conversation; 0 for an unknown id.</summary>
    public int TimesServed(string conversationId) => _analytics.TimesServed(conversationId);

    /// <summary>Conversations delivered at least once in a results page.</summary>
    public int ConversationsServed => _analytics.ServedCounts().Distinct;

    /// <summary>Conversations delivered in more than one results page (0 for a client that reads each page once).</summary>
    public int ConversationsServedMoreThanOnce => _analytics.ServedCounts().MoreThanOnce;

    /// <summary>The ids a details job over [<paramref name="start"/>, <paramref name="end"/>) returns, in result order
    /// (conversationStart, then id): what an exact export of that interval must hold.</summary>
    public IReadOnlyList<string> ConversationIdsIn(DateTimeOffset start, DateTimeOffset end) => _analytics.IdsIn(start, end);

    /// <summary>Every conversation id of the org, in result order.</summary>
    public IReadOnlyList<string> AllConversationIds()
    {
        var all = _analytics.Conversations;
        var ids = new string[all.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = all[i].ConversationId;
        return ids;
    }

    /// <summary>The latest requests as the server received them (oldest first), Authorization left out.</summary>
    public IReadOnlyList<ReceivedRequest> RecentRequests => _recent.ToArray();

    internal void RecordReceived(ReceivedRequest request)
    {
        _recent.Enqueue(request);
        while (_recent.Count > RecentRequestCapacity) _recent.TryDequeue(out _);
    }

    public LedgerSnapshot Snapshot()
    {
        var changes = new Dictionary<string, int>(_userChanges, StringComparer.Ordinal);
        var (served, servedMoreThanOnce) = _analytics.ServedCounts();
        return new LedgerSnapshot
        {
            TokenRequestsByGrant = new SortedDictionary<string, int>(_tokenRequestsByGrant, StringComparer.Ordinal),
            TokenErrors = new SortedDictionary<string, int>(_tokenErrors, StringComparer.Ordinal),
            TotalTokenRequests = TotalTokenRequests,
            RequestsByRoute = _requests
                .GroupBy(kv => kv.Key.Route)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)new SortedDictionary<string, int>(
                    g.ToDictionary(kv => kv.Key.Outcome, kv => kv.Value), StringComparer.Ordinal)),
            TotalApiRequests = TotalApiRequests,
            Throttled = Throttled,
            Faults = new SortedDictionary<string, int>(_faults, StringComparer.Ordinal),
            UserChanges = changes,
            UsersChangedOnce = changes.Values.Count(c => c == 1),
            UsersChangedMoreThanOnce = changes.Values.Count(c => c > 1),
            // Only existing users are changed and none is ever removed, so the unchanged are the rest: no pass over the org.
            UsersUnchanged = _userCount() - changes.Count,
            JobsSubmitted = JobsSubmitted,
            JobsDeleted = JobsDeleted,
            JobStatusPolls = JobStatusPolls,
            JobStatusPollsThrottled = JobStatusPollsThrottled,
            ResultPagesServed = ResultPagesServed,
            ConversationsServed = served,
            ConversationsServedMoreThanOnce = servedMoreThanOnce,
        };
    }

    internal void RecordTokenRequest(string grantType) => _tokenRequestsByGrant.AddOrUpdate(grantType, 1, (_, n) => n + 1);
    internal void RecordTokenError(string error) => _tokenErrors.AddOrUpdate(error, 1, (_, n) => n + 1);
    internal void RecordRequest(string route, string outcome) => _requests.AddOrUpdate((route, outcome), 1, (_, n) => n + 1);
    internal void RecordThrottled() => Interlocked.Increment(ref _throttled);
    internal void RecordFault(string kind) => _faults.AddOrUpdate(kind, 1, (_, n) => n + 1);
    internal void RecordUserChange(string userId) => _userChanges.AddOrUpdate(userId, 1, (_, n) => n + 1);
    internal void RecordJobSubmitted() => Interlocked.Increment(ref _jobsSubmitted);
    internal void RecordJobDeleted() => Interlocked.Increment(ref _jobsDeleted);
    internal void RecordJobStatusPoll() => Interlocked.Increment(ref _jobStatusPolls);
    internal void RecordJobStatusPollThrottled() => Interlocked.Increment(ref _jobStatusPollsThrottled);
    internal void RecordResultPage() => Interlocked.Increment(ref _resultPages);
}

/// <summary>A copy of the ledger; also what <c>GET /emulator/stats</c> answers.</summary>
public sealed record LedgerSnapshot
{
    public required IReadOnlyDictionary<string, int> TokenRequestsByGrant { get; init; }
    public required IReadOnlyDictionary<string, int> TokenErrors { get; init; }
    public required int TotalTokenRequests { get; init; }
    /// <summary>Route template → outcome (status code or "dropped") → count.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> RequestsByRoute { get; init; }
    public required int TotalApiRequests { get; init; }
    public required int Throttled { get; init; }
    public required IReadOnlyDictionary<string, int> Faults { get; init; }
    /// <summary>User id → applied changes, for users changed at least once.</summary>
    public required IReadOnlyDictionary<string, int> UserChanges { get; init; }
    public required int UsersChangedOnce { get; init; }
    public required int UsersChangedMoreThanOnce { get; init; }
    public required int UsersUnchanged { get; init; }
    public int JobsSubmitted { get; init; }
    public int JobsDeleted { get; init; }
    public int JobStatusPolls { get; init; }
    public int JobStatusPollsThrottled { get; init; }
    public int ResultPagesServed { get; init; }
    public int ConversationsServed { get; init; }
    public int ConversationsServedMoreThanOnce { get; init; }
}

/// <summary>A request as the emulator received it. Headers exclude Authorization, so tokens never land in test output.</summary>
public sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string? Body);
