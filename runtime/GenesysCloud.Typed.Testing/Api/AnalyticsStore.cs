using System.Collections.Concurrent;
using GenesysCloud.Typed.Testing.Json;

namespace GenesysCloud.Typed.Testing.Api;

/// <summary>Conversation details jobs: submitted, polled through QUEUED and PENDING to FULFILLED, results by cursor.</summary>
internal sealed class AnalyticsStore
{
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly EmulatorOptions _options;
    private readonly IReadOnlyList<EmulatedConversation> _conversations;

    public AnalyticsStore(EmulatorOptions options)
    {
        _options = options;
        var random = new Random(options.Seed ^ 0x5EED);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var list = new List<EmulatedConversation>(options.ConversationCount);
        for (var i = 0; i < options.ConversationCount; i++)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            var begin = start.AddMinutes(i * 7 + random.Next(5));
            list.Add(new EmulatedConversation(new Guid(bytes).ToString(), begin, begin.AddSeconds(30 + random.Next(900)),
                random.Next(2) == 0 ? "inbound" : "outbound", ["8a3b2c1d-0000-4000-8000-000000000001"]));
        }
        _conversations = list;
    }

    public IReadOnlyList<EmulatedConversation> Conversations => _conversations;

    public string Submit()
    {
        var id = Guid.NewGuid().ToString();
        _jobs[id] = new Job { Submitted = _options.TimeProvider.GetUtcNow() };
        return id;
    }

    public AnalyticsJobStatus? Poll(string jobId)
    {
        if (!_jobs.TryGetValue(jobId, out var job)) return null;
        var polls = Interlocked.Increment(ref job.Polls);
        var state = job.Cancelled ? "CANCELLED"
            : polls > _options.AnalyticsPollsBeforeFulfilled ? "FULFILLED"
            : polls == 1 ? "QUEUED" : "PENDING";
        if (state == "FULFILLED") job.Fulfilled = true;
        return new AnalyticsJobStatus(state, job.Submitted, job.Submitted.AddDays(1), null);
    }

    public bool Cancel(string jobId)
    {
        if (!_jobs.TryGetValue(jobId, out var job)) return false;
        job.Cancelled = true;
        return true;
    }

    public JobPhase PhaseOf(string jobId) =>
        !_jobs.TryGetValue(jobId, out var job) ? JobPhase.Unknown
        : job.Cancelled ? JobPhase.Cancelled
        : job.Fulfilled ? JobPhase.Fulfilled
        : JobPhase.Running;

    private sealed class Job
    {
        public DateTimeOffset Submitted;
        public int Polls;
        public volatile bool Fulfilled;
        public volatile bool Cancelled;
    }
}

internal enum JobPhase { Unknown, Running, Fulfilled, Cancelled }
