using System.Globalization;
using Scalewise.Core.Scheduling;

namespace Scalewise.Core.Tests.Scheduling;

public sealed class ScheduleEvaluatorTests
{
    private static readonly WindowCapacity Shutdown = new(0, 0, 0);
    private static readonly WindowCapacity Peak = new(4, 20, 6);

    // Seed 003: non-production off from 18:00 to 08:00 on weekdays and all weekend, in New York time.
    private static readonly Schedule NonProductionHours = new()
    {
        Windows =
        [
            new RecurringWindow("weeknights", "0 18 * * 1-4", "America/New_York", Shutdown, EndCron: "0 8 * * 2-5"),
            new RecurringWindow("weekend", "0 18 * * 5", "America/New_York", Shutdown, EndCron: "0 8 * * 1"),
        ],
    };

    private static readonly Schedule BerlinBusinessHours = new()
    {
        Windows = [new RecurringWindow("business-hours", "0 9 * * *", "Europe/Berlin", Peak, EndCron: "0 17 * * *")],
    };

    private static readonly Schedule NewYorkPeakWithThanksgiving = new()
    {
        Windows =
        [
            new RecurringWindow("business-peak", "0 9 * * 1-5", "America/New_York", Peak, Duration: TimeSpan.FromHours(8))
            {
                ExcludedDates = [new DateOnly(2026, 11, 26)],
            },
        ],
    };

    [Theory]
    [InlineData("2026-03-28T08:30:00Z", "2026-03-28T08:00:00Z", "2026-03-28T16:00:00Z")] // 09:30 CET, the day before spring-forward
    [InlineData("2026-03-29T07:30:00Z", "2026-03-29T07:00:00Z", "2026-03-29T15:00:00Z")] // 09:30 CEST, spring-forward day
    [InlineData("2026-10-25T08:30:00Z", "2026-10-25T08:00:00Z", "2026-10-25T16:00:00Z")] // 09:30 CET, fall-back day
    public void ActiveWindow_BerlinAcrossDaylightSaving_FollowsTheWallClock(string now, string started, string ends)
    {
        var window = ScheduleEvaluator.ActiveWindow(BerlinBusinessHours, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

        Assert.NotNull(window);
        Assert.Equal("business-hours", window.Name);
        Assert.Equal(DateTimeOffset.Parse(started, CultureInfo.InvariantCulture), window.StartedAt);
        Assert.Equal(DateTimeOffset.Parse(ends, CultureInfo.InvariantCulture), window.EndsAt);
        Assert.Equal(Peak, window.Capacity);
    }

    [Theory]
    [InlineData("2026-03-29T06:30:00Z")] // 08:30 CEST: would be 09:30 if the window kept winter offsets
    [InlineData("2026-03-29T15:30:00Z")] // 17:30 CEST
    [InlineData("2026-10-25T16:30:00Z")] // 17:30 CET
    public void ActiveWindow_BerlinOutsideLocalBusinessHours_IsNone(string now)
    {
        Assert.Null(ScheduleEvaluator.ActiveWindow(BerlinBusinessHours, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ActiveWindow_BerlinFallBackRepeatsTheStartHour_WindowOpensOnlyOnce()
    {
        var schedule = new Schedule { Windows = [new RecurringWindow("backup", "0 2 * * *", "Europe/Berlin", Peak, Duration: TimeSpan.FromHours(1))] };

        var firstPass = ScheduleEvaluator.ActiveWindow(schedule, new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero)); // 02:30 CEST
        var secondPass = ScheduleEvaluator.ActiveWindow(schedule, new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero)); // 02:30 CET

        Assert.NotNull(firstPass);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero), firstPass.StartedAt);
        Assert.Null(secondPass);
    }

    [Fact]
    public void NextTransition_StartInTheSpringForwardGap_OpensWhenTheGapEnds()
    {
        var schedule = new Schedule { Windows = [new RecurringWindow("maintenance", "30 2 * * *", "America/New_York", Peak, Duration: TimeSpan.FromHours(1))] };

        var transition = ScheduleEvaluator.NextTransition(schedule, new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero)); // 00:00 EST

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), transition?.At); // 03:00 EDT
        Assert.Equal("maintenance", transition?.To?.Name);
    }

    [Fact]
    public void ActiveWindow_FixedWindowStartingInTheSpringForwardGap_ReadsItWithTheOffsetBefore()
    {
        var schedule = new Schedule { FixedWindows = [new FixedWindow("migration", new DateTime(2026, 3, 8, 2, 30, 0), new DateTime(2026, 3, 8, 6, 0, 0), "America/New_York", Peak)] };

        var window = ScheduleEvaluator.ActiveWindow(schedule, new DateTimeOffset(2026, 3, 8, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero), window?.StartedAt); // 03:30 EDT
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 10, 0, 0, TimeSpan.Zero), window?.EndsAt); // 06:00 EDT
    }

    [Fact]
    public void ActiveWindow_NewYorkSpringForwardWeekend_ShutdownLastsUntilEightDaylightTime()
    {
        var sunday = ScheduleEvaluator.ActiveWindow(NonProductionHours, new DateTimeOffset(2026, 3, 8, 16, 0, 0, TimeSpan.Zero)); // 12:00 EDT
        var mondayEarly = ScheduleEvaluator.ActiveWindow(NonProductionHours, new DateTimeOffset(2026, 3, 9, 11, 30, 0, TimeSpan.Zero)); // 07:30 EDT
        var mondayEight = ScheduleEvaluator.ActiveWindow(NonProductionHours, new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero)); // 08:00 EDT

        Assert.NotNull(sunday);
        Assert.Equal("weekend", sunday.Name);
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 23, 0, 0, TimeSpan.Zero), sunday.StartedAt); // Friday 18:00 EST
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero), sunday.EndsAt); // Monday 08:00 EDT
        Assert.Equal(0, sunday.Capacity.Maximum);
        Assert.Equal("weekend", mondayEarly?.Name);
        Assert.Null(mondayEight);
    }

    [Theory]
    [InlineData("2026-03-02T12:30:00Z", "weekend")] // Monday 07:30 EST
    [InlineData("2026-03-02T13:00:00Z", null)] // Monday 08:00 EST
    [InlineData("2026-03-02T22:59:00Z", null)] // Monday 17:59 EST
    [InlineData("2026-03-02T23:00:00Z", "weeknights")] // Monday 18:00 EST
    [InlineData("2026-03-11T22:00:00Z", "weeknights")] // Wednesday 18:00 EDT
    [InlineData("2026-03-11T21:59:00Z", null)] // Wednesday 17:59 EDT
    [InlineData("2026-03-07T15:00:00Z", "weekend")] // Saturday midday
    public void ActiveWindow_NonProductionHours_ShutsDownNightsAndWeekends(string now, string? expected)
    {
        Assert.Equal(expected, ScheduleEvaluator.ActiveWindow(NonProductionHours, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture))?.Name);
    }

    [Fact]
    public void NextTransition_SpringForwardSunday_IsMondayEightDaylightTime()
    {
        var transition = ScheduleEvaluator.NextTransition(NonProductionHours, new DateTimeOffset(2026, 3, 8, 16, 0, 0, TimeSpan.Zero));

        Assert.NotNull(transition);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero), transition.At);
        Assert.Equal("weekend", transition.From?.Name);
        Assert.Null(transition.To);
    }

    [Fact]
    public void NextTransition_FallBackWeekend_IsMondayEightStandardTime()
    {
        var transition = ScheduleEvaluator.NextTransition(NonProductionHours, new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero));

        Assert.NotNull(transition);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 13, 0, 0, TimeSpan.Zero), transition.At);
        Assert.Null(transition.To);
    }

    [Fact]
    public void NextTransition_FridayAfternoon_IsTheWeekendShutdownAtSix()
    {
        var transition = ScheduleEvaluator.NextTransition(NonProductionHours, new DateTimeOffset(2026, 10, 30, 20, 0, 0, TimeSpan.Zero)); // 16:00 EDT

        Assert.NotNull(transition);
        Assert.Equal(new DateTimeOffset(2026, 10, 30, 22, 0, 0, TimeSpan.Zero), transition.At);
        Assert.Null(transition.From);
        Assert.Equal("weekend", transition.To?.Name);
    }

    [Fact]
    public void ActiveWindow_HolidayExcluded_NoPeakThatDayButTheDaysAround()
    {
        var wednesday = ScheduleEvaluator.ActiveWindow(NewYorkPeakWithThanksgiving, new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero));
        var thanksgiving = ScheduleEvaluator.ActiveWindow(NewYorkPeakWithThanksgiving, new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));
        var friday = ScheduleEvaluator.ActiveWindow(NewYorkPeakWithThanksgiving, new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero));

        Assert.Equal("business-peak", wednesday?.Name);
        Assert.Null(thanksgiving);
        Assert.Equal("business-peak", friday?.Name);
    }

    [Fact]
    public void NextTransition_BeforeAHoliday_SkipsToTheDayAfter()
    {
        var transition = ScheduleEvaluator.NextTransition(NewYorkPeakWithThanksgiving, new DateTimeOffset(2026, 11, 25, 22, 30, 0, TimeSpan.Zero));

        Assert.NotNull(transition);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero), transition.At); // Friday 09:00 EST
        Assert.Equal("business-peak", transition.To?.Name);
    }

    [Fact]
    public void ActiveWindow_FixedDateOverlapsRecurring_FixedWins()
    {
        var schedule = NewYorkPeakWithThanksgiving with
        {
            FixedWindows = [new FixedWindow("black-friday", new DateTime(2026, 11, 27, 0, 0, 0), new DateTime(2026, 11, 28, 0, 0, 0), "America/New_York", new WindowCapacity(10, 50, 20))],
        };

        var window = ScheduleEvaluator.ActiveWindow(schedule, new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero));

        Assert.NotNull(window);
        Assert.Equal((ScheduleWindowKind.Fixed, "black-friday", 10, 50), (window.Kind, window.Name, window.Capacity.Minimum, window.Capacity.Maximum));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 5, 0, 0, TimeSpan.Zero), window.StartedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero), window.EndsAt);
    }

    [Fact]
    public void NextTransition_FixedWindowAhead_StartsAtItsLocalMidnight()
    {
        var schedule = new Schedule
        {
            FixedWindows = [new FixedWindow("black-friday", new DateTime(2026, 11, 27, 0, 0, 0), new DateTime(2026, 11, 28, 0, 0, 0), "America/New_York", new WindowCapacity(10, 50, 20))],
        };

        var opens = ScheduleEvaluator.NextTransition(schedule, new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
        var closes = ScheduleEvaluator.NextTransition(schedule, opens!.At);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 5, 0, 0, TimeSpan.Zero), opens.At);
        Assert.Equal("black-friday", opens.To?.Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero), closes?.At);
        Assert.Null(closes?.To);
    }

    [Fact]
    public void ActiveWindow_TwoRecurringWindowsOverlap_TheEarlierEntryWins()
    {
        var schedule = new Schedule
        {
            Windows =
            [
                new RecurringWindow("lunch", "0 12 * * *", "UTC", new WindowCapacity(8, 30), Duration: TimeSpan.FromHours(2)),
                new RecurringWindow("daytime", "0 8 * * *", "UTC", Peak, Duration: TimeSpan.FromHours(10)),
            ],
        };

        Assert.Equal("lunch", ScheduleEvaluator.ActiveWindow(schedule, new DateTimeOffset(2026, 5, 4, 12, 30, 0, TimeSpan.Zero))?.Name);
        Assert.Equal("daytime", ScheduleEvaluator.ActiveWindow(schedule, new DateTimeOffset(2026, 5, 4, 14, 30, 0, TimeSpan.Zero))?.Name);
    }

    [Fact]
    public void NextTransition_FromLunchBackToDaytime_IsATransition()
    {
        var schedule = new Schedule
        {
            Windows =
            [
                new RecurringWindow("lunch", "0 12 * * *", "UTC", new WindowCapacity(8, 30), Duration: TimeSpan.FromHours(2)),
                new RecurringWindow("daytime", "0 8 * * *", "UTC", Peak, Duration: TimeSpan.FromHours(10)),
            ],
        };

        var transition = ScheduleEvaluator.NextTransition(schedule, new DateTimeOffset(2026, 5, 4, 12, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 5, 4, 14, 0, 0, TimeSpan.Zero), transition?.At);
        Assert.Equal(("lunch", "daytime"), (transition?.From?.Name, transition?.To?.Name));
    }

    [Fact]
    public void ActiveWindow_StartAndEndDates_OnlyOccurrencesInsideThemCount()
    {
        var schedule = new Schedule
        {
            Windows =
            [
                new RecurringWindow("december", "0 9 * * *", "Europe/Berlin", Peak, Duration: TimeSpan.FromHours(8), StartDate: new DateOnly(2026, 12, 1), EndDate: new DateOnly(2026, 12, 24)),
            ],
        };

        Assert.Null(ScheduleEvaluator.ActiveWindow(schedule, new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero)));
        Assert.NotNull(ScheduleEvaluator.ActiveWindow(schedule, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero)));
        Assert.NotNull(ScheduleEvaluator.ActiveWindow(schedule, new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero)));
        Assert.Null(ScheduleEvaluator.ActiveWindow(schedule, new DateTimeOffset(2026, 12, 25, 10, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), ScheduleEvaluator.NextTransition(schedule, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero))?.At);
    }

    [Fact]
    public void ActiveWindow_SixFieldCron_OpensOnTheSecond()
    {
        var schedule = new Schedule { Windows = [new RecurringWindow("warm", "30 0 9 * * *", "UTC", Peak, Duration: TimeSpan.FromMinutes(5))] };

        Assert.Null(ScheduleEvaluator.ActiveWindow(schedule, new DateTimeOffset(2026, 5, 4, 9, 0, 29, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 5, 4, 9, 0, 30, TimeSpan.Zero), ScheduleEvaluator.ActiveWindow(schedule, new DateTimeOffset(2026, 5, 4, 9, 0, 30, TimeSpan.Zero))?.StartedAt);
    }

    [Fact]
    public void NextTransition_EmptySchedule_IsNone()
    {
        Assert.Null(ScheduleEvaluator.NextTransition(new Schedule(), new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero)));
    }
}
