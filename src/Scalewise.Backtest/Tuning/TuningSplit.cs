namespace Scalewise.Backtest.Tuning;

/// <summary>
/// The two parts of a trace <c>scalewise tune</c> uses: it tunes on the first two thirds and reports on the last third,
/// which no replay of the search has seen.
/// </summary>
public static class TuningSplit
{
    /// <summary>The shortest trace worth tuning: three hours, so the held-out hour is longer than any rule's window.</summary>
    public const int MinimumMinutes = 180;

    /// <summary>The minute the held-out part starts at: two thirds of the trace, rounded down.</summary>
    public static int HeldOutFrom(WorkloadTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return trace.Length * 2 / 3;
    }

    public static (WorkloadTrace Tuning, WorkloadTrace HeldOut) Split(WorkloadTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.Length < MinimumMinutes)
        {
            throw new ArgumentException($"A trace of {trace.Length} minutes is too short to tune on two thirds and report on the rest; use at least {MinimumMinutes}.", nameof(trace));
        }

        var at = HeldOutFrom(trace);

        var raw = trace.Raw;
        return (new WorkloadTrace(trace.Start, raw[..at].ToArray()), new WorkloadTrace(trace.TimeOf(at), raw[at..].ToArray()));
    }
}
