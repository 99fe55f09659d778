namespace GenesysCloud.Typed.Testing.Faults;

/// <summary>Draws the fault for each request from one seeded generator: same seed and request order, same faults.</summary>
internal sealed class FaultPlan
{
    private static readonly int[] ServerErrors = [500, 502, 503, 504];
    private readonly object _gate = new();
    private readonly Random _random;
    private readonly EmulatorFaults _faults;

    public FaultPlan(EmulatorFaults faults, int seed)
    {
        _faults = faults;
        _random = new Random(seed);
    }

    public Fault Next()
    {
        lock (_gate)
        {
            var roll = _random.NextDouble();
            var status = ServerErrors[_random.Next(ServerErrors.Length)];
            var jitter = _faults.LatencyJitter > TimeSpan.Zero
                ? TimeSpan.FromTicks((long)(_random.NextDouble() * _faults.LatencyJitter.Ticks))
                : TimeSpan.Zero;
            var delay = _faults.Latency + jitter;

            if ((roll -= _faults.ServerErrorRate) < 0) return new Fault(FaultKind.ServerError, status, delay);
            if ((roll -= _faults.DropBeforeProcessingRate) < 0) return new Fault(FaultKind.DropBefore, 0, delay);
            if ((roll -= _faults.DropAfterProcessingRate) < 0) return new Fault(FaultKind.DropAfter, 0, delay);
            if ((roll -= _faults.MalformedBodyRate) < 0) return new Fault(FaultKind.MalformedBody, 0, delay);
            return new Fault(FaultKind.None, 0, delay);
        }
    }
}

internal enum FaultKind { None, ServerError, DropBefore, DropAfter, MalformedBody }

internal readonly record struct Fault(FaultKind Kind, int Status, TimeSpan Delay);
