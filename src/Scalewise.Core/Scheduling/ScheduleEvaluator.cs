namespace Scalewise.Core.Scheduling;

/// <summary>
/// Which window of a schedule is in force at an instant, and when that next changes. Pure: the time is a parameter.
/// Precedence: an active fixed window over an active recurring window over none (the policy's own bounds); within a list
/// the earlier entry wins. The schedule must have passed <see cref="ScheduleValidator"/>; an invalid entry throws
/// <see cref="ArgumentException"/>.
/// </summary>
public static class ScheduleEvaluator
{
    /// <summary>The longest a window occurrence can last; an end cron with no occurrence within it closes the window here.</summary>
    public static readonly TimeSpan MaxWindowLength = TimeSpan.FromDays(31);

    /// <summary>How far ahead <see cref="NextTransition"/> looks.</summary>
    public static readonly TimeSpan TransitionHorizon = TimeSpan.FromDays(366);

    private const int MaxTransitionSteps = 20_000;

    public static ActiveScheduleWindow? ActiveWindow(Schedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return ActiveWindow(schedule, Compile(schedule), now);
    }

    /// <summary>
    /// The first instant after <paramref name="now"/> at which the window in force changes (a window opens, closes, or
    /// gives way to one that takes precedence), or null when nothing changes within <see cref="TransitionHorizon"/>
    /// (or within 20,000 window boundaries, which only a window that opens every few minutes reaches).
    /// Back-to-back occurrences of the same window are not a change.
    /// </summary>
    public static ScheduleTransition? NextTransition(Schedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var compiled = Compile(schedule);
        var current = ActiveWindow(schedule, compiled, now);
        var horizon = now + TransitionHorizon;
        var at = now;
        for (var step = 0; step < MaxTransitionSteps; step++)
        {
            if (NextEvent(schedule, compiled, at, horizon) is not { } next)
            {
                return null;
            }

            var then = ActiveWindow(schedule, compiled, next);
            if (!SameWindow(current, then))
            {
                return new ScheduleTransition(next, current, then);
            }

            at = next;
        }

        return null;
    }

    private static ActiveScheduleWindow? ActiveWindow(Schedule schedule, IReadOnlyList<CompiledWindow> compiled, DateTimeOffset now)
    {
        var fixedWindows = schedule.FixedWindows ?? [];
        for (var i = 0; i < fixedWindows.Count; i++)
        {
            var window = fixedWindows[i];
            var (start, end) = FixedInstants(window, i);
            if (start <= now && now < end)
            {
                return new ActiveScheduleWindow(ScheduleWindowKind.Fixed, i, window.Name, start, end, window.Capacity);
            }
        }

        foreach (var window in compiled)
        {
            if (window.OccurrenceAt(now) is { } occurrence)
            {
                return new ActiveScheduleWindow(ScheduleWindowKind.Recurring, window.Index, window.Window.Name, occurrence.Start, occurrence.End, window.Window.Capacity);
            }
        }

        return null;
    }

    private static DateTimeOffset? NextEvent(Schedule schedule, IReadOnlyList<CompiledWindow> compiled, DateTimeOffset after, DateTimeOffset horizon)
    {
        DateTimeOffset? earliest = null;
        void Consider(DateTimeOffset? candidate)
        {
            if (candidate is { } c && c > after && c <= horizon && (earliest is null || c < earliest))
            {
                earliest = c;
            }
        }

        var fixedWindows = schedule.FixedWindows ?? [];
        for (var i = 0; i < fixedWindows.Count; i++)
        {
            var (start, end) = FixedInstants(fixedWindows[i], i);
            Consider(start);
            Consider(end);
        }

        foreach (var window in compiled)
        {
            // An active window only changes at its end (a start while it is active only extends it); an idle one at its next start.
            if (window.OccurrenceAt(after) is { } occurrence)
            {
                Consider(occurrence.End);
            }
            else
            {
                Consider(window.NextValidStart(after, earliest ?? horizon));
            }
        }

        return earliest;
    }

    private static bool SameWindow(ActiveScheduleWindow? a, ActiveScheduleWindow? b) =>
        a is null ? b is null : b is not null && a.Kind == b.Kind && a.Index == b.Index;

    private static CompiledWindow[] Compile(Schedule schedule) =>
        [.. (schedule.Windows ?? []).Select((window, index) => new CompiledWindow(window, index))];

    private static (DateTimeOffset Start, DateTimeOffset End) FixedInstants(FixedWindow window, int index)
    {
        var zone = WindowZones.Find(window.TimeZone, $"$.fixedWindows[{index}].timeZone");
        return (WindowZones.Instant(window.Start, zone), WindowZones.Instant(window.End, zone));
    }
}
