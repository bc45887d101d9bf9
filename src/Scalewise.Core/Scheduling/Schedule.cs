namespace Scalewise.Core.Scheduling;

/// <summary>
/// When a target runs with other bounds than its policy's. The window in force at an instant is the first active
/// <see cref="FixedWindows"/> entry, else the first active <see cref="Windows"/> entry, else none (the policy's own bounds):
/// fixed date over recurring over default, and within each list the earlier entry wins.
/// </summary>
public sealed record Schedule
{
    public IReadOnlyList<RecurringWindow> Windows { get; init; } = [];

    public IReadOnlyList<FixedWindow> FixedWindows { get; init; } = [];
}
