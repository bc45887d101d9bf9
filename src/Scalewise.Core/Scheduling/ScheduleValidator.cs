namespace Scalewise.Core.Scheduling;

/// <summary>Checks a schedule and names every problem by its JSON path relative to the schedule (<c>$.windows[2].cron</c>).</summary>
public static class ScheduleValidator
{
    public static IReadOnlyList<ScheduleError> Validate(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var errors = new List<ScheduleError>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);

        if (schedule.Windows is null)
        {
            errors.Add(new("$.windows", "the list is null; expected an array of recurring windows (it may be empty)."));
        }
        else
        {
            for (var i = 0; i < schedule.Windows.Count; i++)
            {
                ValidateRecurring(schedule.Windows[i], $"$.windows[{i}]", errors, names);
            }
        }

        if (schedule.FixedWindows is null)
        {
            errors.Add(new("$.fixedWindows", "the list is null; expected an array of fixed windows (it may be empty)."));
        }
        else
        {
            for (var i = 0; i < schedule.FixedWindows.Count; i++)
            {
                ValidateFixed(schedule.FixedWindows[i], $"$.fixedWindows[{i}]", errors, names);
            }
        }

        return errors;
    }

    private static void ValidateRecurring(RecurringWindow? window, string path, List<ScheduleError> errors, Dictionary<string, string> names)
    {
        if (window is null)
        {
            errors.Add(new(path, "the window is null; expected an object with \"name\", \"cron\", \"timeZone\", \"capacity\" and \"duration\" or \"endCron\"."));
            return;
        }

        ValidateName(window.Name, path, errors, names);
        if (!WindowCron.TryParse(window.Cron, out _, out var cronError))
        {
            errors.Add(new(path + ".cron", cronError));
        }

        ValidateZone(window.TimeZone, path, errors);
        switch (window.Duration, window.EndCron)
        {
            case (null, null):
                errors.Add(new(path + ".duration", "the window has no end; set \"duration\" (ISO 8601, such as \"PT14H\") or \"endCron\" (such as \"0 8 * * 1-5\")."));
                break;
            case ({ }, { }):
                errors.Add(new(path + ".endCron", "the window sets both \"duration\" and \"endCron\"; keep one."));
                break;
            case ({ } duration, null) when duration <= TimeSpan.Zero || duration > ScheduleEvaluator.MaxWindowLength:
                errors.Add(new(path + ".duration", string.Create(CultureInfo.InvariantCulture, $"the duration is {duration}; expected more than zero and at most {ScheduleEvaluator.MaxWindowLength.TotalDays} days, such as \"PT14H\".")));
                break;
            case (null, { } endCron) when !WindowCron.TryParse(endCron, out _, out var endError):
                errors.Add(new(path + ".endCron", endError));
                break;
        }

        if (window.StartDate is { } first && window.EndDate is { } last && last < first)
        {
            errors.Add(new(path + ".endDate", string.Create(CultureInfo.InvariantCulture, $"the end date {last:yyyy-MM-dd} is before the start date {first:yyyy-MM-dd}; expected a date on or after it.")));
        }

        if (window.ExcludedDates is null)
        {
            errors.Add(new(path + ".excludedDates", "the list is null; expected an array of dates such as \"2026-12-25\" (it may be empty)."));
        }

        ValidateCapacity(window.Capacity, path + ".capacity", errors);
    }

    private static void ValidateFixed(FixedWindow? window, string path, List<ScheduleError> errors, Dictionary<string, string> names)
    {
        if (window is null)
        {
            errors.Add(new(path, "the window is null; expected an object with \"name\", \"start\", \"end\", \"timeZone\" and \"capacity\"."));
            return;
        }

        ValidateName(window.Name, path, errors, names);
        var zoneKnown = ValidateZone(window.TimeZone, path, errors);
        var startLocal = ValidateLocal(window.Start, path + ".start", errors);
        var endLocal = ValidateLocal(window.End, path + ".end", errors);
        if (zoneKnown && startLocal && endLocal)
        {
            var zone = WindowZones.Find(window.TimeZone, path);
            var (start, end) = (WindowZones.Instant(window.Start, zone), WindowZones.Instant(window.End, zone));
            if (end <= start)
            {
                errors.Add(new(path + ".end", string.Create(CultureInfo.InvariantCulture, $"the end {window.End:yyyy-MM-dd'T'HH:mm:ss} is not after the start {window.Start:yyyy-MM-dd'T'HH:mm:ss}; expected a later time.")));
            }
        }

        ValidateCapacity(window.Capacity, path + ".capacity", errors);
    }

    private static void ValidateName(string? name, string path, List<ScheduleError> errors, Dictionary<string, string> names)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new(path + ".name", "the name is empty; expected a short name such as \"business-hours\" (it appears in decisions)."));
        }
        else if (!names.TryAdd(name, path))
        {
            errors.Add(new(path + ".name", $"the name '{name}' is already used by {names[name]}; every window needs its own name."));
        }
    }

    private static bool ValidateZone(string? zone, string path, List<ScheduleError> errors)
    {
        if (WindowZones.TryFind(zone, out _))
        {
            return true;
        }

        errors.Add(new(path + ".timeZone", $"'{zone}' is not a known time zone; expected an IANA id such as \"Europe/Berlin\", \"America/New_York\" or \"UTC\"."));
        return false;
    }

    private static bool ValidateLocal(DateTime value, string path, List<ScheduleError> errors)
    {
        if (value.Kind == DateTimeKind.Unspecified)
        {
            return true;
        }

        errors.Add(new(path, "the time has an offset or 'Z'; write the wall-clock time in the window's time zone without one, such as \"2026-11-27T00:00:00\"."));
        return false;
    }

    private static void ValidateCapacity(WindowCapacity? capacity, string path, List<ScheduleError> errors)
    {
        if (capacity is null)
        {
            errors.Add(new(path, "the capacity is missing; expected {\"minimum\": ..., \"maximum\": ..., \"desired\": ...}."));
            return;
        }

        if (capacity.Minimum < 0)
        {
            errors.Add(new(path + ".minimum", string.Create(CultureInfo.InvariantCulture, $"the minimum is {capacity.Minimum}; expected 0 or more (0 shuts the target down where its kind allows).")));
        }

        if (capacity.Maximum < capacity.Minimum)
        {
            errors.Add(new(path + ".maximum", string.Create(CultureInfo.InvariantCulture, $"the maximum {capacity.Maximum} is below the minimum {capacity.Minimum}; expected a maximum of at least {Math.Max(capacity.Minimum, 0)}.")));
        }

        if (capacity.Desired is { } desired && (desired < capacity.Minimum || desired > capacity.Maximum))
        {
            errors.Add(new(path + ".desired", string.Create(CultureInfo.InvariantCulture, $"the desired capacity {desired} is outside {capacity.Minimum}..{capacity.Maximum}; expected a value between the window's minimum and maximum.")));
        }
    }
}
