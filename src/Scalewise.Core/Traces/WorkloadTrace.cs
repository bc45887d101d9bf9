namespace Scalewise.Core.Traces;

/// <summary>
/// A request-rate trace, one slot per minute from the first row's minute to the last row's. A minute the trace has
/// no row for is a gap: no data, which is not the same as no load.
/// </summary>
public sealed class WorkloadTrace
{
    private readonly int[] requests;

    /// <param name="start">The first minute (UTC).</param>
    /// <param name="requestsPerMinute">Requests per minute from <paramref name="start"/>; a negative value marks a minute with no data.</param>
    public WorkloadTrace(DateTimeOffset start, IEnumerable<int> requestsPerMinute)
    {
        ArgumentNullException.ThrowIfNull(requestsPerMinute);
        Start = start;
        requests = requestsPerMinute.Select(r => r < 0 ? -1 : r).ToArray();
        MissingMinutes = requests.Count(r => r < 0);
    }

    public DateTimeOffset Start { get; }

    /// <summary>Minutes from the first row to the last, gaps included.</summary>
    public int Length => requests.Length;

    /// <summary>Minutes the trace has no row for.</summary>
    public int MissingMinutes { get; }

    /// <summary>The requests in minute <paramref name="minute"/> (0 is <see cref="Start"/>), or null when the trace has no data for it.</summary>
    public int? RequestsAt(int minute) => requests[minute] < 0 ? null : requests[minute];

    /// <summary>Requests per minute with -1 for no data: the replay's hot loop reads this rather than nullable values.</summary>
    public ReadOnlySpan<int> Raw => requests;

    public DateTimeOffset TimeOf(int minute) => Start.AddMinutes(minute);

    /// <summary>The nearest-rank percentile (0-100) of the minutes with data; 0 when no minute has data.</summary>
    public int Percentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        var known = requests.Where(r => r >= 0).ToArray();
        if (known.Length == 0)
        {
            return 0;
        }

        Array.Sort(known);
        var rank = (int)Math.Ceiling(percentile / 100 * known.Length);
        return known[Math.Clamp(rank, 1, known.Length) - 1];
    }
}
