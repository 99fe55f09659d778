using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace GenesysCloud.Typed;

/// <summary>An asynchronous job (an analytics details job and the like) as one call: enumerating it submits the query,
/// polls the status until FULFILLED (every poll through the full pipeline: token expiry, 429 and 5xx are handled as for
/// any call), streams the results page by page over the server's cursor, and deletes the job at the end — also after a
/// failure, and after cancellation or an early stop unless <see cref="KeepWhenInterrupted"/>. Nothing is sent until it is
/// enumerated (or <see cref="SubmitAsync"/> is called).
/// <para>To survive a crash, save <see cref="JobId"/> once submitted and <see cref="Cursor"/> after each page you have
/// stored; <see cref="Resume"/> continues from there without submitting again. One job object runs one job at a time.</para></summary>
public sealed class GenesysJob<T> : IAsyncEnumerable<T>
{
    private readonly GenesysCloudConnection _connection;
    private readonly GenesysRequest _submit;
    private readonly JsonTypeInfo<T> _items;
    private readonly string _itemsProperty;
    private readonly string? _statusPath;
    private readonly string? _resultsPath;
    private readonly CancellationToken _callToken;
    private readonly bool _keepWhenInterrupted;
    private readonly int? _pageSize;
    private string? _jobId;
    private string? _cursor;
    private int _polls;
    private GenesysJobState _state;
    private bool _gaveUp;
    private bool _complete;

    internal GenesysJob(GenesysCloudConnection connection, GenesysRequest submit, JsonTypeInfo<T> items, string itemsProperty, string? statusPath,
        string? resultsPath, CancellationToken callToken, bool keepWhenInterrupted = false, int? pageSize = null, string? jobId = null, string? cursor = null)
    {
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentException.ThrowIfNullOrEmpty(itemsProperty);
        if (statusPath is not null && !statusPath.Contains(JobIdPlaceholder, StringComparison.Ordinal))
            throw new ArgumentException($"The status path '{statusPath}' must contain {JobIdPlaceholder}.", nameof(statusPath));
        if (resultsPath is not null && !resultsPath.Contains(JobIdPlaceholder, StringComparison.Ordinal))
            throw new ArgumentException($"The results path '{resultsPath}' must contain {JobIdPlaceholder}.", nameof(resultsPath));
        _connection = connection;
        // Submitting a query reads: repeating it after a lost answer at worst leaves a second job, which expires unread.
        _submit = submit.AsRead();
        _items = items;
        _itemsProperty = itemsProperty;
        _statusPath = statusPath;
        _resultsPath = resultsPath;
        _callToken = callToken;
        _keepWhenInterrupted = keepWhenInterrupted;
        _pageSize = pageSize;
        _jobId = jobId;
        _cursor = cursor;
    }

    private const string JobIdPlaceholder = "{jobId}";

    /// <summary>The job's id once submitted (or resumed): save it to resume after a crash.</summary>
    public string? JobId => _jobId;

    /// <summary>The cursor of the first results page not yet delivered: after you have stored a page, save it with the
    /// job id. Null before the results and after the last page.</summary>
    public string? Cursor => _cursor;

    /// <summary>True once the last results page has been delivered: save it with the job id (a null <see cref="Cursor"/>
    /// alone also means "from the first page"), and do not resume a completed job.</summary>
    public bool IsComplete => _complete;

    /// <summary>The state the last poll saw.</summary>
    public GenesysJobState State => _state;

    /// <summary>Status polls made so far.</summary>
    public int Polls => _polls;

    /// <summary>The same query as an existing job: no submission; results continue after <paramref name="cursor"/>
    /// (from the first page when null).</summary>
    public GenesysJob<T> Resume(string jobId, string? cursor = null)
    {
        QueryBuilder.Segment(jobId, nameof(jobId));   // refuses what could never be one path segment
        if (cursor is { Length: 0 }) cursor = null;
        return new(_connection, _submit, _items, _itemsProperty, _statusPath, _resultsPath, _callToken, _keepWhenInterrupted, _pageSize, jobId, cursor);
    }

    /// <summary>Leave the job on the server when the enumeration is cancelled or stopped early, so it can be resumed.</summary>
    public GenesysJob<T> KeepWhenInterrupted(bool keep = true) =>
        new(_connection, _submit, _items, _itemsProperty, _statusPath, _resultsPath, _callToken, keep, _pageSize, _jobId, _cursor);

    /// <summary>Items per results page (<c>pageSize</c>); the server's default when not set.</summary>
    public GenesysJob<T> WithPageSize(int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        return new(_connection, _submit, _items, _itemsProperty, _statusPath, _resultsPath, _callToken, _keepWhenInterrupted, pageSize, _jobId, _cursor);
    }

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new PageItems<T>(AsPages(cancellationToken).GetAsyncEnumerator(cancellationToken));

    /// <summary>Submits the query if that has not happened yet, and returns the job id.</summary>
    public async Task<string> SubmitAsync(CancellationToken cancellationToken = default)
    {
        if (_jobId is not null) return _jobId;
        var body = await SendForBodyAsync(_submit, cancellationToken).ConfigureAwait(false);
        var id = ReadString(body, "jobId") ?? ReadString(body, "id")
            ?? throw new GenesysInvalidResponseException($"{_submit.Sent} accepted the job but its answer names no jobId.", HttpStatusCode.OK, null);
        try
        {
            QueryBuilder.Segment(id, "jobId");
        }
        catch (ArgumentException ex)
        {
            throw new GenesysInvalidResponseException($"{_submit.Sent} answered a jobId that cannot name a job in a path: {ex.Message}", HttpStatusCode.OK, null, ex);
        }
        _jobId = id;
        _state = GenesysJobState.Queued;
        Log.JobSubmitted(_connection.Logger, _connection.Responses.Redact(id), _submit.RouteTemplate);
        return id;
    }

    /// <summary>Submits if needed, then polls until the job is FULFILLED. A job that FAILED, was CANCELLED, EXPIRED, no
    /// longer exists, or is not done within <see cref="GenesysJobOptions.MaxWait"/> throws <see cref="GenesysJobException"/>.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken = default)
    {
        var jobId = await SubmitAsync(cancellationToken).ConfigureAwait(false);
        var options = _connection.Options.Jobs;
        var time = _connection.Options.TimeProvider;
        var giveUpAt = time.GetUtcNow() + options.MaxWait;
        var interval = options.PollInterval;
        while (true)
        {
            var (state, reason, retryAfter) = await PollAsync(jobId, cancellationToken).ConfigureAwait(false);
            if (state == GenesysJobState.Fulfilled) return;
            if (IsEnd(state)) throw Ended(jobId, state, reason, null);
            var asked = retryAfter is { } wait && wait > TimeSpan.Zero;
            var delay = asked ? retryAfter!.Value : interval;
            interval = interval * 2 < options.MaxPollInterval ? interval * 2 : options.MaxPollInterval;
            if (time.GetUtcNow() + delay > giveUpAt)
            {
                _gaveUp = true;
                throw new GenesysJobException(asked
                    ? $"Job {Safe(jobId)} is {state} and the server asks to poll again in {delay}, beyond what is left of {options.MaxWait} (Jobs.MaxWait); it was given up."
                    : $"Job {Safe(jobId)} was still {state} after {options.MaxWait} (Jobs.MaxWait); it was given up.", jobId, state, reason);
            }
            Log.JobPolled(_connection.Logger, Safe(jobId), state, delay);
            await _connection.DelayAsync(delay, $"job {Safe(jobId)} waited to poll again", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The results, page by page, after the job is FULFILLED; the job is deleted when they end.</summary>
    public async IAsyncEnumerable<GenesysPage<T>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = _callToken.CanBeCanceled && cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(_callToken, cancellationToken) : null;
        cancellationToken = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _callToken);
        var finished = false;
        try
        {
            await WaitAsync(cancellationToken).ConfigureAwait(false);
            var jobId = _jobId!;
            var first = new GenesysRequest(HttpMethod.Get, ResultsPath(jobId), ResultsRoute);
            var pages = new GenesysPageable<T>(_connection, first, _items, PagingStyle.Cursor, _itemsProperty, prefetch: false, cancellationToken);
            await using var reader = pages.AsPages(null, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (await NextResultsPageAsync(reader, jobId, cancellationToken).ConfigureAwait(false))
            {
                var page = reader.Current;
                _cursor = page.Cursor;
                _complete = page.ContinuationToken is null;
                yield return page;
            }
            _cursor = null;
            _complete = true;
            finished = true;
        }
        finally
        {
            // Finished or failed for good: nothing left to resume. Interrupted: deleted unless the caller keeps it.
            if (_jobId is not null && _state != GenesysJobState.NotFound && (finished || _gaveUp || IsEnd(_state) || !_keepWhenInterrupted))
                await DeleteQuietlyAsync(_jobId).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the job on the server (404 counts as done).</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        if (_jobId is null) return;
        var request = new GenesysRequest(HttpMethod.Delete, StatusPath(_jobId), StatusRoute);
        using var response = await _connection.SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NotFound)
            await _connection.Responses.ReadBytesAsync(response, request, cancellationToken).ConfigureAwait(false);   // throws on error
    }

    private async Task DeleteQuietlyAsync(string jobId)
    {
        try
        {
            // The caller's token may be what ended the job: deleting gets its own bounded time.
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await DeleteAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The connection is gone: the job expires on its own.
        }
        catch (Exception ex) when (ex is GenesysApiException or GenesysTransportException or GenesysAuthenticationException or OperationCanceledException
                                       or GenesysInvalidResponseException)
        {
            Log.JobNotDeleted(_connection.Logger, ex, Safe(jobId));
        }
    }

    // A results page that answers 400/404/410 is asked about once: an expired or failed job says so in its status.
    private async ValueTask<bool> NextResultsPageAsync(IAsyncEnumerator<GenesysPage<T>> reader, string jobId, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.MoveNextAsync().ConfigureAwait(false);
        }
        catch (GenesysApiException ex) when (ex.Status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            GenesysJobState state;
            string? reason;
            try
            {
                (state, reason, _) = await PollAsync(jobId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                ExceptionDispatchInfo.Throw(ex);
                throw;
            }
            if (!IsEnd(state)) ExceptionDispatchInfo.Throw(ex);
            throw Ended(jobId, state, reason, ex);
        }
    }

    private async Task<(GenesysJobState State, string? Reason, TimeSpan? RetryAfter)> PollAsync(string jobId, CancellationToken cancellationToken)
    {
        var request = new GenesysRequest(HttpMethod.Get, StatusPath(jobId), StatusRoute);
        using var response = await _connection.SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _polls);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            _state = GenesysJobState.NotFound;
            return (_state, null, null);
        }
        var body = await _connection.Responses.ReadBytesAsync(response, request, cancellationToken).ConfigureAwait(false);
        var text = ReadString(body, "state")
            ?? throw new GenesysInvalidResponseException(
                $"{request.Sent} answered a job status without a state: {Excerpt.Of(body, _connection.Responses.Redactor)}", response.StatusCode, null);
        _state = StateNamed(text);
        var reason = ReadString(body, "errorMessage");
        return (_state, reason is null ? null : _connection.Responses.Redact(reason),
            RetryAfter.Read(response.Headers, _connection.Options.TimeProvider.GetUtcNow()));
    }

    private async Task<byte[]> SendForBodyAsync(GenesysRequest request, CancellationToken cancellationToken)
    {
        using var response = await _connection.SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        return await _connection.Responses.ReadBytesAsync(response, request, cancellationToken).ConfigureAwait(false);
    }

    private static string? ReadString(byte[] body, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(property, out var value) &&
                   value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                ? text
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // By name only: Enum.TryParse would also read "3" or "Failed, Cancelled" as states.
    private static GenesysJobState StateNamed(string text) => text.ToUpperInvariant() switch
    {
        "QUEUED" => GenesysJobState.Queued,
        "PENDING" => GenesysJobState.Pending,
        "FULFILLED" => GenesysJobState.Fulfilled,
        "FAILED" => GenesysJobState.Failed,
        "CANCELLED" => GenesysJobState.Cancelled,
        "EXPIRED" => GenesysJobState.Expired,
        _ => GenesysJobState.Unknown,
    };

    private static bool IsEnd(GenesysJobState state) =>
        state is GenesysJobState.Failed or GenesysJobState.Cancelled or GenesysJobState.Expired or GenesysJobState.NotFound;

    private GenesysJobException Ended(string jobId, GenesysJobState state, string? reason, Exception? inner) => new(state switch
    {
        GenesysJobState.Failed => $"Job {Safe(jobId)} FAILED{(reason is null ? "" : ": " + reason)}",
        GenesysJobState.Cancelled => $"Job {Safe(jobId)} was CANCELLED{(reason is null ? "" : ": " + reason)}",
        GenesysJobState.Expired => $"Job {Safe(jobId)} EXPIRED before its results were read; submit the query again",
        _ => $"Job {Safe(jobId)} no longer exists (deleted, or expired and removed); submit the query again",
    }, jobId, state, reason, inner);

    private string Safe(string text) => _connection.Responses.Redact(text);

    private string StatusPath(string jobId)
    {
        var segment = QueryBuilder.Segment(jobId, "jobId");
        // Joined without a doubled '/', which a submit route or status path ending in '/' would otherwise give.
        return _statusPath?.Replace(JobIdPlaceholder, segment, StringComparison.Ordinal) ?? _submit.Path.TrimEnd('/') + "/" + segment;
    }

    private string ResultsPath(string jobId)
    {
        var path = _resultsPath?.Replace(JobIdPlaceholder, QueryBuilder.Segment(jobId, "jobId"), StringComparison.Ordinal) ?? StatusPath(jobId).TrimEnd('/') + "/results";
        if (_pageSize is { } size) path = NextLink.WithQueryParameter(path, "pageSize", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return _cursor is null ? path : NextLink.WithQueryParameter(path, "cursor", _cursor);
    }

    private string StatusRoute => _statusPath ?? _submit.RouteTemplate.TrimEnd('/') + "/" + JobIdPlaceholder;

    private string ResultsRoute => _resultsPath ?? StatusRoute.TrimEnd('/') + "/results";
}
