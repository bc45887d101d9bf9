using Scalewise.Core.Scheduling;

namespace Scalewise.Core.Tests.Scheduling;

public sealed class ScheduleValidatorTests
{
    private static readonly WindowCapacity Capacity = new(2, 10, 4);

    private static RecurringWindow Window(string name) => new(name, "0 9 * * 1-5", "Europe/Berlin", Capacity, Duration: TimeSpan.FromHours(8));

    [Fact]
    public void Validate_GoodSchedule_HasNoErrors()
    {
        var schedule = new Schedule
        {
            Windows = [Window("a"), new RecurringWindow("b", "0 18 * * 5", "America/New_York", new WindowCapacity(0, 0), EndCron: "0 8 * * 1")],
            FixedWindows = [new FixedWindow("c", new DateTime(2026, 11, 27, 0, 0, 0), new DateTime(2026, 11, 28, 0, 0, 0), "UTC", Capacity)],
        };

        Assert.Empty(ScheduleValidator.Validate(schedule));
    }

    [Fact]
    public void Validate_BadCronInThirdWindow_NamesItsPathAndWhatIsAccepted()
    {
        var schedule = new Schedule { Windows = [Window("a"), Window("b"), Window("c") with { Cron = "0 9 * *" }] };

        var error = Assert.Single(ScheduleValidator.Validate(schedule));

        Assert.Equal("$.windows[2].cron", error.Path);
        Assert.Contains("has 4 fields", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CronWithAnImpossibleHour_SaysItIsNotValid()
    {
        var error = Assert.Single(ScheduleValidator.Validate(new Schedule { Windows = [Window("a") with { Cron = "0 25 * * *" }] }));

        Assert.Equal("$.windows[0].cron", error.Path);
        Assert.StartsWith("'0 25 * * *' is not a valid cron expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownTimeZone_SuggestsAnIanaId()
    {
        var error = Assert.Single(ScheduleValidator.Validate(new Schedule { Windows = [Window("a") with { TimeZone = "Europe/Berln" }] }));

        Assert.Equal("$.windows[0].timeZone", error.Path);
        Assert.Contains("'Europe/Berln' is not a known time zone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaximumBelowMinimum_NamesTheBound()
    {
        var error = Assert.Single(ScheduleValidator.Validate(new Schedule { Windows = [Window("a") with { Capacity = new WindowCapacity(5, 3) }] }));

        Assert.Equal("$.windows[0].capacity.maximum", error.Path);
        Assert.Equal("the maximum 3 is below the minimum 5; expected a maximum of at least 5.", error.Message);
    }

    [Fact]
    public void Validate_DesiredOutsideTheBounds_NamesIt()
    {
        var error = Assert.Single(ScheduleValidator.Validate(new Schedule { Windows = [Window("a") with { Capacity = new WindowCapacity(2, 10, 12) }] }));

        Assert.Equal("$.windows[0].capacity.desired", error.Path);
    }

    [Fact]
    public void Validate_FixedWindowEndingBeforeItStarts_NamesTheEnd()
    {
        var schedule = new Schedule { FixedWindows = [new FixedWindow("launch", new DateTime(2026, 6, 2, 0, 0, 0), new DateTime(2026, 6, 1, 0, 0, 0), "UTC", Capacity)] };

        var error = Assert.Single(ScheduleValidator.Validate(schedule));

        Assert.Equal("$.fixedWindows[0].end", error.Path);
        Assert.StartsWith("the end 2026-06-01T00:00:00 is not after the start 2026-06-02T00:00:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoDurationNorEndCron_AsksForOne()
    {
        var error = Assert.Single(ScheduleValidator.Validate(new Schedule { Windows = [Window("a") with { Duration = null }] }));

        Assert.Equal("$.windows[0].duration", error.Path);
    }

    [Fact]
    public void Validate_EndDateBeforeStartDate_NamesTheEndDate()
    {
        var window = Window("a") with { StartDate = new DateOnly(2026, 12, 24), EndDate = new DateOnly(2026, 12, 1) };

        var error = Assert.Single(ScheduleValidator.Validate(new Schedule { Windows = [window] }));

        Assert.Equal("$.windows[0].endDate", error.Path);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        var schedule = new Schedule
        {
            Windows = [Window("a"), Window("a") with { EndCron = "nonsense", Duration = null }],
            FixedWindows = [new FixedWindow("", new DateTime(2026, 6, 1, 0, 0, 0), new DateTime(2026, 6, 2, 0, 0, 0), "Mars/Olympus", Capacity)],
        };

        var paths = ScheduleValidator.Validate(schedule).Select(e => e.Path).ToArray();

        Assert.Equal(["$.windows[1].name", "$.windows[1].endCron", "$.fixedWindows[0].name", "$.fixedWindows[0].timeZone"], paths);
    }
}
