namespace Scalewise.Core.Procedures;

/// <summary>
/// When vertical changes (a VM resize, a Redis SKU change) may run: on <see cref="Days"/>, from <see cref="Start"/> to
/// <see cref="End"/> local time in the IANA <see cref="TimeZone"/>. An <see cref="End"/> at or before <see cref="Start"/>
/// runs past midnight into the next day; the day named is the day the window opens.
/// </summary>
public sealed record MaintenanceWindow(IReadOnlyList<DayOfWeek> Days, TimeOnly Start, TimeOnly End, string TimeZone)
{
    /// <summary>True when <paramref name="utc"/> falls inside the window.</summary>
    public bool Contains(DateTimeOffset utc)
    {
        var local = TimeZoneInfo.ConvertTime(utc, Zone());
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (Start < End)
        {
            return Days.Contains(local.DayOfWeek) && time >= Start && time < End;
        }

        // Past midnight: the evening part belongs to today's window, the morning part to yesterday's.
        return (Days.Contains(local.DayOfWeek) && time >= Start)
            || (Days.Contains(local.AddDays(-1).DayOfWeek) && time < End);
    }

    /// <summary>The next moment (UTC, to the minute) at or after <paramref name="utc"/> that the window is open; null when it never opens.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset utc)
    {
        if (Days.Count == 0)
        {
            return null;
        }

        var zone = Zone();
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        for (var day = 0; day <= 7; day++)
        {
            var date = DateOnly.FromDateTime(local.DateTime).AddDays(day);
            if (!Days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var opening = date.ToDateTime(Start);
            var offset = zone.GetUtcOffset(opening);
            var openingUtc = new DateTimeOffset(opening, offset).ToUniversalTime();
            if (openingUtc >= utc)
            {
                return openingUtc;
            }

            if (Contains(utc))
            {
                return utc;
            }
        }

        return null;
    }

    /// <summary>Null when the window is usable; otherwise what is wrong and what would be accepted.</summary>
    public string? Validate()
    {
        if (Days is null || Days.Count == 0)
        {
            return "days is empty; name at least one day of the week, such as [\"Saturday\", \"Sunday\"].";
        }

        if (Days.Any(d => !Enum.IsDefined(d)))
        {
            return "days has an unknown day; use Monday to Sunday.";
        }

        if (Start == End)
        {
            return string.Create(CultureInfo.InvariantCulture, $"start and end are both {Start:HH\\:mm}; the window must last some time, such as 02:00 to 05:00.");
        }

        if (string.IsNullOrWhiteSpace(TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            return $"time zone '{TimeZone}' is unknown; use an IANA time zone such as \"Europe/Berlin\" or \"UTC\".";
        }

        return null;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{string.Join("/", Days.Select(d => d.ToString()[..3]))} {Start:HH\\:mm}-{End:HH\\:mm} {TimeZone}");

    private TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
