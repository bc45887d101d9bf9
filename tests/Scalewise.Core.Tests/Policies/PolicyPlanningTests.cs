using Scalewise.Core.Policies;

namespace Scalewise.Core.Tests.Policies;

public sealed class PolicyPlanningTests
{
    private const string Head = """
        "version": 1, "id": "web-tier",
        "target": {"kind": "VirtualMachineScaleSet", "resourceId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web"},
        "capacity": {"minimum": 0, "maximum": 20, "default": 2}, "rules": [], "warmUp": "PT2M"
        """;

    [Fact]
    public void Parse_ScheduleWithShutdownWindowAndPredictiveAndEmergency_GivesThePolicy()
    {
        var json = "{" + Head + """
            , "schedule": {"windows": [{"name": "off-hours", "cron": "0 18 * * 1-5", "endCron": "0 8 * * 1-5", "timeZone": "Europe/Berlin", "capacity": {"minimum": 0, "maximum": 0}}]},
            "predictive": {"mode": "forecastAndScale", "metricName": "Requests", "targetPerInstance": 60000},
            "emergency": {"growthMetric": "Requests", "growthPercent": 30}
            }
            """;

        var result = PolicyDocument.Parse(json);

        Assert.Empty(result.Errors);
        Assert.Equal("off-hours", result.Policy!.Schedule!.Windows[0].Name);
        Assert.Equal(PredictiveMode.ForecastAndScale, result.Policy.Predictive!.Mode);
        Assert.False(result.Policy.Predictive.AllowScaleIn);
        Assert.Equal(30, result.Policy.Emergency!.GrowthPercent);
    }

    [Fact]
    public void Parse_ScheduleWithBadCron_ErrorPathIsUnderSchedule()
    {
        var json = "{" + Head + """
            , "schedule": {"windows": [{"name": "w", "cron": "not a cron", "duration": "PT1H", "timeZone": "Europe/Berlin", "capacity": {"minimum": 1, "maximum": 2}}]}}
            """;

        var result = PolicyDocument.Parse(json);

        Assert.Contains(result.Errors, e => e.Path == "$.schedule.windows[0].cron");
    }

    [Fact]
    public void Parse_WindowBoundsOutsidePolicyBounds_NamesTheWindowCapacity()
    {
        var json = "{" + Head + """
            , "schedule": {"fixedWindows": [{"name": "sale", "start": "2026-11-27T00:00:00", "end": "2026-11-28T00:00:00", "timeZone": "UTC", "capacity": {"minimum": 5, "maximum": 40}}]}}
            """;

        var result = PolicyDocument.Parse(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.schedule.fixedWindows[0].capacity", error.Path);
        Assert.Contains("0 to 20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PredictiveWithoutPositiveTarget_NamesTheField()
    {
        var json = "{" + Head + """
            , "predictive": {"mode": "ForecastOnly", "metricName": "Requests", "targetPerInstance": 0}}
            """;

        var result = PolicyDocument.Parse(json);

        Assert.Contains(result.Errors, e => e.Path == "$.predictive.targetPerInstance");
    }
}
