namespace GenesysCloud.Typed;

/// <summary>Stages 1 and 2 for one call: the caller's cancellation, the connection's disposal, the call's budget and,
/// inside it, each attempt's deadline on the wire. One cancellation source per call whose timer is moved: to what is left
/// of the budget while the call waits (a pacing turn, a token, the pause between attempts), to the attempt's deadline
/// (never past the budget) while a request is on the wire. One deadline mechanism, and no timer at all for a call that
/// never waits before its send. It also keeps what the call has learned across its attempts.</summary>
internal sealed class CallScope : IDisposable
{
    private readonly CallScopes _owner;
    private readonly CancellationToken _caller;
    private CancellationTokenSource _source;
    private CancellationTokenRegistration _onCaller;
    private CancellationTokenRegistration _onStopping;
    private readonly long _startedTicks;
    private readonly long _deadlineTicks;
    private Armed _armed;
    // Nothing has waited or been sent yet: the start's clock reading still stands for "now" (each read costs).
    private bool _fresh = true;

    private enum Armed { Nothing, Budget, Attempt }

    internal CallScope(CallScopes owner, GenesysRequest request, DateTimeOffset started, CancellationToken caller)
    {
        _owner = owner;
        _caller = caller;
        Request = request;
        _startedTicks = started.UtcTicks;
        _deadlineTicks = _startedTicks + owner.Budget.Ticks;
        _source = Acquire(out _onCaller, out _onStopping);
    }

    public GenesysRequest Request { get; }

    /// <summary>When the call's budget runs out.</summary>
    public DateTimeOffset Deadline => new(_deadlineTicks, TimeSpan.Zero);

    /// <summary>The clock, read once for a call that has not yet waited or sent.</summary>
    public DateTimeOffset Now => _fresh ? new DateTimeOffset(_startedTicks, TimeSpan.Zero) : _owner.Time.GetUtcNow();

    /// <summary>Some attempt reached the server and its fate is unknown or "applied": a caller must re-read before
    /// repeating a write. Stays false while every attempt was refused before processing (429, 503, never sent).</summary>
    public bool MayHaveBeenProcessed { get; private set; }

    /// <summary>Attempts started so far, 401 replays included.</summary>
    public int Sends { get; set; }

    /// <summary>Attempts that ended inside a user's stage before reaching the transport.</summary>
    public int NeverSent { get; private set; }

    public TimeProvider Time => _owner.Time;

    /// <summary>For waits off the wire: ends with the caller, the connection, or the call's budget.</summary>
    public CancellationToken Waiting()
    {
        if (_armed != Armed.Budget) Arm(Armed.Budget, Deadline - Now);
        _fresh = false;
        return _source.Token;
    }

    /// <summary>For one send: ends with the caller, the connection, or the attempt's deadline (the budget's when sooner).</summary>
    public CancellationToken Sending()
    {
        var left = TimeSpan.FromTicks(_deadlineTicks - (_fresh ? _startedTicks : _owner.Time.GetUtcNow().UtcTicks));
        _fresh = false;
        if (_owner.AttemptTimeout < left) Arm(Armed.Attempt, _owner.AttemptTimeout);
        else Arm(Armed.Budget, left);
        return _source.Token;
    }

    /// <summary>Nothing is started for a call that has ended (cancelled before it began, the connection disposed).</summary>
    public void ThrowIfEnded() => _source.Token.ThrowIfCancellationRequested();

    public bool CallerCancelled => _caller.IsCancellationRequested;

    public CancellationToken CallerToken => _caller;

    /// <summary>The connection was disposed under the call (and the caller did not cancel first).</summary>
    public bool Disposed => _owner.IsStopping && !_caller.IsCancellationRequested;

    /// <summary>A deadline ended the wait or the send (the attempt's or the budget's), not the caller nor disposal.</summary>
    public bool TimedOut => _source.IsCancellationRequested && !_caller.IsCancellationRequested && !_owner.IsStopping;

    /// <summary>Nothing more may start: the budget's timer fired or its time has passed.</summary>
    public bool BudgetSpent => (TimedOut && _armed == Armed.Budget) || Now >= Deadline;

    /// <summary>After an attempt's deadline fired: a fresh source for what follows (a fired one cannot be re-armed).</summary>
    public void Renew()
    {
        Release();
        _armed = Armed.Nothing;
        _source = Acquire(out _onCaller, out _onStopping);
    }

    public Task DelayAsync(TimeSpan delay) => Task.Delay(delay, _owner.Time, Waiting());

    /// <summary>What an answer says about the call: 2xx/3xx were processed; 500, 502 and 504 may have been.</summary>
    public void Learn(HttpResponseMessage response)
    {
        if (TransientFailures.MayHaveBeenProcessed((int)response.StatusCode)) MayHaveBeenProcessed = true;
    }

    /// <summary>What a failed send says: refused before it left (connect, DNS, TLS) it cannot have been processed;
    /// anything later (a connection lost mid-request, no answer in time) may have been.</summary>
    public void Learn(Exception failure)
    {
        if (failure is NotSentException)
        {
            NeverSent++;
            return;
        }
        if (failure is not HttpRequestException http || !Transport.WasNotSent(http)) MayHaveBeenProcessed = true;
    }

    private void Arm(Armed armed, TimeSpan after)
    {
        _armed = armed;
        if (after > TimeSpan.Zero) _source.CancelAfter(after);
        else _source.Cancel();
    }

    private CancellationTokenSource Acquire(out CancellationTokenRegistration onCaller, out CancellationTokenRegistration onStopping)
    {
        var source = _owner.Rent(out onStopping);
        onCaller = _caller.CanBeCanceled ? _caller.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source) : default;
        return source;
    }

    private void Release()
    {
        _onCaller.Dispose();
        _onStopping.Dispose();
        _owner.Return(_source);
    }

    public void Dispose() => Release();
}
