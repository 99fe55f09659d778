using System.Collections.Concurrent;
using GenesysCloud.Typed.Testing.Json;

namespace GenesysCloud.Typed.Testing.Api;

/// <summary>The org's conversations (sorted by conversationStart, then id) and its conversation details jobs.
/// A job is a range of offsets into the sorted array, so a results page costs only its own size.</summary>
internal sealed class AnalyticsStore
{
    public static readonly DateTimeOffset FirstConversation = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const string HomeDivision = "8a3b2c1d-0000-4000-8000-000000000001";

    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failNext = new();
    private readonly EmulatorOptions _options;
    private readonly EmulatedConversation[] _conversations;
    private readonly Dictionary<string, int> _indexById;
    private readonly int[] _served;
    private int _submitted, _servedDistinct, _servedMoreThanOnce;

    public AnalyticsStore(EmulatorOptions options)
    {
        _options = options;
        var random = new Random(options.Seed ^ 0x5EED);
        var count = options.ConversationCount;
        var list = new EmulatedConversation[count];
        var bytes = new byte[16];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(bytes);
            var id = new Guid(bytes).ToString();
            // 7-minute slots with up to 4 minutes of jitter: starts are strictly increasing, so the array is already sorted.
            var begin = FirstConversation.AddMinutes(i * 7 + random.Next(5));
            var agent = random.Next(1000);
            list[i] = new EmulatedConversation(id, begin, begin.AddSeconds(30 + random.Next(900)),
                random.Next(2) == 0 ? "inbound" : "outbound", [HomeDivision],
                [
                    new EmulatedParticipant(id[..8] + "-0000-4000-8000-000000000001", "customer", null, "Customer " + (i + 1)),
                    new EmulatedParticipant(id[..8] + "-0000-4000-8000-000000000002", "agent", $"00000000-0000-4000-8000-{agent:D12}", "Agent " + agent),
                ]);
        }
        _conversations = list;
        _indexById = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++) _indexById[list[i].ConversationId] = i;
        _served = new int[count];
    }

    public IReadOnlyList<EmulatedConversation> Conversations => _conversations;

    /// <summary>[start of the first conversation, just after the start of the last): an interval that covers them all.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Span => _conversations.Length == 0
        ? (FirstConversation, FirstConversation.AddMinutes(1))
        : (_conversations[0].ConversationStart, _conversations[^1].ConversationStart.AddTicks(1));

    /// <summary>Offsets [from, to) of the conversations whose start lies in [start, end).</summary>
    public (int From, int To) RangeOf(DateTimeOffset start, DateTimeOffset end) => (LowerBound(start), LowerBound(end));

    public IReadOnlyList<string> IdsIn(DateTimeOffset start, DateTimeOffset end)
    {
        var (from, to) = RangeOf(start, end);
        var ids = new string[Math.Max(0, to - from)];
        for (var i = 0; i < ids.Length; i++) ids[i] = _conversations[from + i].ConversationId;
        return ids;
    }

    private int LowerBound(DateTimeOffset time)
    {
        int lo = 0, hi = _conversations.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_conversations[mid].ConversationStart < time) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public string Submit(DateTimeOffset start, DateTimeOffset end)
    {
        var sequence = Interlocked.Increment(ref _submitted);
        var (from, to) = RangeOf(start, end);
        string? failure = _failNext.TryDequeue(out var forced) ? forced
            : _options.AnalyticsJobFailureRate > 0 && Draw(sequence) < _options.AnalyticsJobFailureRate
                ? "The query could not be completed: an internal error occurred while processing the job."
                : null;
        var id = Guid.NewGuid().ToString();
        _jobs[id] = new Job(id, from, to, _options.TimeProvider.GetUtcNow(), failure);
        return id;
    }

    // One draw per job from the seed and the submission number: the same seed fails the same jobs, in every
    // process (HashCode.Combine is randomised per process, so it cannot seed this).
    private double Draw(int sequence) => new Random(unchecked(_options.Seed * 486_187_739 + sequence * 16_777_619) ^ 0x10B5).NextDouble();

    public void FailNext(int count, string reason)
    {
        for (var i = 0; i < count; i++) _failNext.Enqueue(reason);
    }

    public Job? Find(string jobId) => _jobs.GetValueOrDefault(jobId);

    /// <summary>Counts a poll and answers the job's state after it.</summary>
    public AnalyticsJobStatus? Poll(string jobId)
    {
        if (!_jobs.TryGetValue(jobId, out var job)) return null;
        Interlocked.Increment(ref job.Polls);
        return StatusOf(job);
    }

    public AnalyticsJobStatus StatusOf(Job job)
    {
        var state = StateOf(job);
        return new AnalyticsJobStatus(state, job.Submitted, ExpirationOf(job), state == "FAILED" ? job.FailureReason : null);
    }

    public DateTimeOffset ExpirationOf(Job job) => job.ExpiredAt ?? job.Submitted + _options.AnalyticsJobLifetime;

    /// <summary>QUEUED (before its second poll), PENDING, FULFILLED or FAILED (once polled enough and run long enough),
    /// CANCELLED, EXPIRED (after its lifetime, whatever it was).</summary>
    public string StateOf(Job job)
    {
        var now = _options.TimeProvider.GetUtcNow();
        if (now >= ExpirationOf(job)) return "EXPIRED";
        if (job.Cancelled) return "CANCELLED";
        var polls = Volatile.Read(ref job.Polls);
        if (polls > _options.AnalyticsPollsBeforeFulfilled && now - job.Submitted >= _options.AnalyticsJobDuration)
            return job.FailureReason is null ? "FULFILLED" : "FAILED";
        return polls <= 1 ? "QUEUED" : "PENDING";
    }

    public bool Delete(string jobId) => _jobs.TryRemove(jobId, out _);

    public bool Cancel(string jobId)
    {
        if (!_jobs.TryGetValue(jobId, out var job)) return false;
        job.Cancelled = true;
        return true;
    }

    public bool Expire(string jobId)
    {
        if (!_jobs.TryGetValue(jobId, out var job)) return false;
        var now = _options.TimeProvider.GetUtcNow();
        if (job.ExpiredAt is null || job.ExpiredAt > now) job.ExpiredAt = now;
        return true;
    }

    public ArraySegment<EmulatedConversation> Page(Job job, int offset, int pageSize) =>
        new(_conversations, job.From + offset, Math.Min(pageSize, job.Count - offset));

    public void RecordServed(ArraySegment<EmulatedConversation> page)
    {
        var start = page.Offset;
        for (var i = 0; i < page.Count; i++)
        {
            // Counted as they change, so the stats never walk every conversation.
            switch (Interlocked.Increment(ref _served[start + i]))
            {
                case 1: Interlocked.Increment(ref _servedDistinct); break;
                case 2: Interlocked.Increment(ref _servedMoreThanOnce); break;
            }
        }
    }

    public int TimesServed(string conversationId) =>
        _indexById.TryGetValue(conversationId, out var index) ? Volatile.Read(ref _served[index]) : 0;

    /// <summary>(distinct conversations served, conversations served more than once).</summary>
    public (int Distinct, int MoreThanOnce) ServedCounts() => (Volatile.Read(ref _servedDistinct), Volatile.Read(ref _servedMoreThanOnce));

    internal sealed class Job(string id, int from, int to, DateTimeOffset submitted, string? failureReason)
    {
        public string Id { get; } = id;
        public int From { get; } = from;
        public int Count { get; } = Math.Max(0, to - from);
        public DateTimeOffset Submitted { get; } = submitted;
        public string? FailureReason { get; } = failureReason;
        public int Polls;
        public volatile bool Cancelled;
        private readonly object _gate = new();
        private DateTimeOffset? _expiredAt;

        public DateTimeOffset? ExpiredAt
        {
            get { lock (_gate) return _expiredAt; }
            set { lock (_gate) _expiredAt = value; }
        }
    }
}
