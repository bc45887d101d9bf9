using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Forecasting;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Serialization;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Orchestrations.Tests.Api;

/// <summary>GET /api/targets/{target}/timeline on the estate: capacity over time, readings, forecast and markers from the stores.</summary>
[Collection(LocalEstateCollection.Name)]
public sealed class TargetTimelineQueryTests(LocalEstateFixture estate)
{
    private TargetTimelineQuery Query => estate.Services.GetRequiredService<TargetTimelineQuery>();

    [Fact]
    public async Task GetAsync_AfterAManualScale_ShowsTheCapacityRisingAndTheProcedureMarker()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("timeline-scale", capacity: 2);
        var outcome = await estate.Services.GetRequiredService<ManualScaleRequests>()
            .RequestAsync(estate.Host.Client, policy.Id, """{"capacity": 4, "reason": "launch"}""", "tests", CancellationToken.None);
        using var done = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await estate.Host.Client.WaitForInstanceCompletionAsync(outcome.InstanceId!, done.Token);

        var timeline = Read(await Query.GetAsync(policy.Id, null, null, CancellationToken.None));

        Assert.Equal(4, scaleSet.Capacity);
        Assert.Equal((1, 10), (timeline.Minimum, timeline.Maximum));
        Assert.Equal(2, timeline.Capacity[0].Capacity);
        Assert.Equal(4, timeline.Capacity[^1].Capacity);
        var marker = Assert.Single(timeline.Markers, m => m.Type == "procedure");
        Assert.Equal((DecisionKind.Manual, "Succeeded", outcome.InstanceId), (marker.Kind, marker.Outcome, marker.InstanceId));
        Assert.Contains("2 -> 4", marker.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_RecordedDecisionAndForecast_AreReadingsMarkersAndDemandWithinTheSpan()
    {
        var (policy, _) = await estate.AddTargetAsync("timeline-data", capacity: 3);
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        var hour = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);
        var evaluation = new RuleEvaluation("cpu-high", "Percentage CPU", ScaleDirection.Increase, 81.5, ComparisonOperator.GreaterThan, 70, Fired: true);
        await estate.Services.GetRequiredService<IDecisionLog>().AppendAsync(
            new ScalingDecision(policy.Id, policy.Target.ResourceId, DecisionKind.Reactive, DecisionOutcome.CooldownHeld, ScaleDirection.Increase, 3, 3, "held in cooldown", [evaluation], at),
            CancellationToken.None);
        await estate.Services.GetRequiredService<IForecastStore>().SaveAsync(
            policy.Id,
            new DemandForecast("holt-winters", hour, [new ForecastPoint(hour.AddHours(1), 900), new ForecastPoint(hour.AddDays(3), 950)], null, "test")
            {
                Observed = [new ForecastPoint(hour.AddDays(-3), 700), new ForecastPoint(hour, 800)],
            },
            CancellationToken.None);

        var timeline = Read(await Query.GetAsync(policy.Id, hour.AddHours(-1).ToString("O"), null, CancellationToken.None));

        var reading = Assert.Single(timeline.Metrics);
        Assert.Equal(("cpu-high", 81.5, 70.0, true), (reading.Rule, reading.Observed, reading.Threshold, reading.Fired));
        var decision = Assert.Single(timeline.Markers);
        Assert.Equal(("decision", "CooldownHeld", "held in cooldown"), (decision.Type, decision.Outcome, decision.Text));
        Assert.Equal([900.0], timeline.Forecast.Select(p => p.Demand));
        Assert.Equal([800.0], timeline.Demand.Select(p => p.Demand));
        Assert.Equal(3, Assert.Single(timeline.Capacity).Capacity);
    }

    [Theory]
    [InlineData("yesterday", null, "from")]
    [InlineData(null, "2026-13-40", "to")]
    [InlineData("2026-12-03T12:00:00Z", "2026-12-03T11:00:00Z", "from")]
    [InlineData("2026-10-01T00:00:00Z", "2026-12-03T00:00:00Z", "from")]
    public async Task GetAsync_BadSpan_Is400NamingTheParameter(string? from, string? to, string field)
    {
        var response = await Query.GetAsync("any-target", from, to, CancellationToken.None);

        Assert.Equal(400, response.Status);
        Assert.Equal(ApiProblem.ContentType, response.ContentType);
        Assert.Equal(field, JsonSerializer.Deserialize<ApiProblem>(response.Body!, ScalewiseJson.Options)!.Field);
    }

    [Fact]
    public async Task GetAsync_UnknownTarget_Is404NamingTarget()
    {
        var response = await Query.GetAsync("no-such-target", null, null, CancellationToken.None);

        Assert.Equal(404, response.Status);
        Assert.Equal("target", JsonSerializer.Deserialize<ApiProblem>(response.Body!, ScalewiseJson.Options)!.Field);
    }

    private static TargetTimeline Read(ApiResponse response)
    {
        Assert.Equal(200, response.Status);
        return JsonSerializer.Deserialize<TargetTimeline>(response.Body!, ScalewiseJson.Options)!;
    }
}
