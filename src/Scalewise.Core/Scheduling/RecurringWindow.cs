namespace Scalewise.Core.Scheduling;

/// <summary>
/// A window that opens at every occurrence of <see cref="Cron"/> (5 fields, or 6 with seconds first) in <see cref="TimeZone"/>
/// (an IANA id) and stays open for <see cref="Duration"/> (elapsed time) or until the next occurrence of <see cref="EndCron"/>
/// (wall-clock time in the same zone). Only occurrences that start on a local date from <see cref="StartDate"/> to
/// <see cref="EndDate"/> (inclusive, when set) and not on one of <see cref="ExcludedDates"/> open the window.
/// </summary>
public sealed record RecurringWindow(
    string Name,
    string Cron,
    string TimeZone,
    WindowCapacity Capacity,
    TimeSpan? Duration = null,
    string? EndCron = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null)
{
    /// <summary>Local dates (in <see cref="TimeZone"/>) on which an occurrence does not open the window: holidays, freezes.</summary>
    public IReadOnlyList<DateOnly> ExcludedDates { get; init; } = [];
}
