using Scalewise.Core.Scheduling;

namespace Scalewise.Core.Tests.Scheduling;

public sealed class ScheduleDocumentTests
{
    private const string NonProduction = """
        {
          "windows": [
            { "name": "weeknights", "cron": "0 18 * * 1-4", "endCron": "0 8 * * 2-5", "timeZone": "America/New_York",
              "capacity": { "minimum": 0, "maximum": 0 } },
            { "name": "weekend", "cron": "0 18 * * 5", "endCron": "0 8 * * 1", "timeZone": "America/New_York",
              "capacity": { "minimum": 1, "maximum": 1, "desired": 1 }, "excludedDates": ["2026-12-25"] },
            { "name": "nightly-batch", "cron": "0 1 * * *", "duration": "PT3H", "timeZone": "Europe/Berlin",
              "capacity": { "minimum": 4, "maximum": 8 }, "startDate": "2026-01-01" }
          ],
          "fixedWindows": [
            { "name": "black-friday", "start": "2026-11-27T00:00:00", "end": "2026-11-28T00:00:00", "timeZone": "America/New_York",
              "capacity": { "minimum": 10, "maximum": 50, "desired": 20 } }
          ]
        }
        """;

    [Fact]
    public void Parse_DocumentWithEveryKindOfWindow_ReadsItAndRoundTrips()
    {
        var result = ScheduleDocument.Parse(NonProduction);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var schedule = result.Schedule!;
        Assert.Equal(TimeSpan.FromHours(3), schedule.Windows[2].Duration);
        Assert.Equal([new DateOnly(2026, 12, 25)], schedule.Windows[1].ExcludedDates);
        Assert.Equal(new DateTime(2026, 11, 27, 0, 0, 0), schedule.FixedWindows[0].Start);

        var json = ScheduleDocument.Serialize(schedule);
        Assert.Contains("\"duration\": \"PT3H\"", json, StringComparison.Ordinal);
        Assert.Contains("\"endCron\": \"0 8 * * 1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"excludedDates\": [", json, StringComparison.Ordinal);
        var again = ScheduleDocument.Parse(json);
        Assert.True(again.IsValid, string.Join("; ", again.Errors));
        Assert.Equal(json, ScheduleDocument.Serialize(again.Schedule!));
    }

    [Fact]
    public void Parse_WindowWithoutCron_NamesTheMissingField()
    {
        var error = Assert.Single(ScheduleDocument.Parse("""{"windows": [{"name": "x", "timeZone": "UTC", "duration": "PT1H", "capacity": {"minimum": 1, "maximum": 2}}]}""").Errors);

        Assert.Equal("$.windows[0]", error.Path);
        Assert.Contains("cron", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadDuration_NamesItsPath()
    {
        var error = Assert.Single(ScheduleDocument.Parse("""{"windows": [{"name": "x", "cron": "0 9 * * *", "timeZone": "UTC", "duration": "8 hours", "capacity": {"minimum": 1, "maximum": 2}}]}""").Errors);

        Assert.Equal("$.windows[0].duration", error.Path);
        Assert.Contains("ISO 8601", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FixedWindowWithUtcOffset_AsksForTheWallClockTime()
    {
        var error = Assert.Single(ScheduleDocument.Parse("""{"fixedWindows": [{"name": "x", "start": "2026-11-27T00:00:00Z", "end": "2026-11-28T00:00:00", "timeZone": "America/New_York", "capacity": {"minimum": 1, "maximum": 2}}]}""").Errors);

        Assert.Equal("$.fixedWindows[0].start", error.Path);
        Assert.Contains("without one", error.Message, StringComparison.Ordinal);
    }
}
