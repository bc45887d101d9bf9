using Cronos;

namespace Scalewise.Core.Scheduling;

/// <summary>A recurring window with its cron expressions and zone parsed once, and the arithmetic of its occurrences.</summary>
internal sealed class CompiledWindow
{
    private static readonly TimeSpan[] LookbackSteps = [TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(8)];

    private readonly CronExpression start;
    private readonly CronExpression? end;
    private readonly HashSet<DateOnly> excluded;

    public CompiledWindow(RecurringWindow window, int index)
    {
        Window = window;
        Index = index;
        var what = $"$.windows[{index}]";
        start = WindowCron.Parse(window.Cron, what + ".cron");
        end = window.EndCron is null ? null : WindowCron.Parse(window.EndCron, what + ".endCron");
        Zone = WindowZones.Find(window.TimeZone, what + ".timeZone");
        excluded = [.. window.ExcludedDates ?? []];
        if (window.Duration is null == end is null)
        {
            throw new ArgumentException($"{what}: set exactly one of duration and endCron.", nameof(window));
        }
    }

    public RecurringWindow Window { get; }

    public int Index { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The occurrence in force at <paramref name="now"/>: the latest valid start at or before it whose end is after it.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? OccurrenceAt(DateTimeOffset now)
    {
        var lookback = Window.Duration ?? ScheduleEvaluator.MaxWindowLength;
        if (LatestValidStart(now, lookback) is not { } begin)
        {
            return null;
        }

        var finish = EndOf(begin);
        return finish > now ? (begin, finish) : null;
    }

    /// <summary>The first valid start strictly after <paramref name="after"/>, or null when none comes before <paramref name="until"/>.</summary>
    public DateTimeOffset? NextValidStart(DateTimeOffset after, DateTimeOffset until)
    {
        var from = after;
        if (Window.StartDate is { } first && WindowZones.LocalDate(from, Zone) < first)
        {
            // Jump to the start date rather than walk a frequent cron through the months before it.
            var midnight = WindowZones.Instant(first.ToDateTime(TimeOnly.MinValue), Zone).AddTicks(-1);
            from = midnight > from ? midnight : from;
        }

        while (start.GetNextOccurrence(from, Zone) is { } next && next <= until)
        {
            var date = WindowZones.LocalDate(next, Zone);
            if (Window.EndDate is { } last && date > last)
            {
                return null;
            }

            if (IsValidDate(date))
            {
                return next;
            }

            from = next;
        }

        return null;
    }

    private DateTimeOffset EndOf(DateTimeOffset begin)
    {
        var longest = begin + ScheduleEvaluator.MaxWindowLength;
        if (Window.Duration is { } duration)
        {
            return begin + duration;
        }

        var finish = end!.GetNextOccurrence(begin, Zone);
        return finish is { } f && f < longest ? f : longest;
    }

    private DateTimeOffset? LatestValidStart(DateTimeOffset now, TimeSpan lookback)
    {
        // Cron has no "previous occurrence": search back in growing steps and keep the last valid start of the nearest step.
        var earliest = now - lookback;
        var upper = now;
        foreach (var step in LookbackSteps.Append(lookback))
        {
            var lower = now - step < earliest ? earliest : now - step;
            if (lower >= upper)
            {
                continue;
            }

            DateTimeOffset? latest = null;
            foreach (var occurrence in start.GetOccurrences(lower, upper, Zone, fromInclusive: false, toInclusive: true))
            {
                if (IsValidDate(WindowZones.LocalDate(occurrence, Zone)))
                {
                    latest = occurrence;
                }
            }

            if (latest is not null)
            {
                return latest;
            }

            upper = lower;
            if (lower == earliest)
            {
                break;
            }
        }

        return null;
    }

    private bool IsValidDate(DateOnly date) =>
        (Window.StartDate is not { } first || date >= first)
        && (Window.EndDate is not { } last || date <= last)
        && !excluded.Contains(date);
}
