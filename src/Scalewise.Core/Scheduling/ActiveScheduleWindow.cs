namespace Scalewise.Core.Scheduling;

/// <summary>The window in force: which entry (<see cref="Kind"/> and its <see cref="Index"/> in that list), when this occurrence opened and when it closes.</summary>
public sealed record ActiveScheduleWindow(
    ScheduleWindowKind Kind,
    int Index,
    string Name,
    DateTimeOffset StartedAt,
    DateTimeOffset EndsAt,
    WindowCapacity Capacity);
