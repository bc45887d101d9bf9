using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Procedures;
using Scalewise.Core.Reports;
using static Scalewise.Core.Tests.Samples;

namespace Scalewise.Core.Tests.Reports;

public sealed class CapacityReportTests
{
    private static readonly DateTimeOffset Decided = Now;

    /// <summary>CPU above 70% scales out; 90% is the critical tier that made the emergency.</summary>
    private static ScalingRule CpuWithCriticalTier() =>
        Rule("cpu-high", "Percentage CPU", ComparisonOperator.GreaterThan, 70, ScaleDirection.Increase) is var rule
            ? rule with { Trigger = rule.Trigger with { CriticalThreshold = 90 } }
            : throw new InvalidOperationException();

    [Fact]
    public void For_CriticalCpuEmergency_ReportsPeakTimeToCapacityMinutesOverAndRecommendations()
    {
        var rule = CpuWithCriticalTier();
        var policy = Policy(2, 10, rule);
        // 2 instances until 12:03, 4 after. CPU summed over ready instances: 100, 120, 160, 190, 192, 194, 196 (the peak, at 12:01), 190, 180, 160.
        var cpu = Minutes(policy, rule, Decided.AddMinutes(-5), 50, 60, 80, 95, 96, 97, 98, 95, 45, 40);
        var episode = Episode(from: 2, to: 4, readyAt: Decided.AddMinutes(3));

        var report = CapacityReport.For(policy, episode, [cpu], Decided.AddMinutes(5));

        Assert.Equal(196, report.PeakDemand);
        Assert.Equal(Decided.AddMinutes(1), report.PeakAt);
        Assert.Equal(3, report.PeakCapacityNeeded);          // ceil(196 / 70) = ceil(2.8)
        Assert.Equal(TimeSpan.FromMinutes(3), report.TimeToCapacity);
        Assert.Equal(6, report.MinutesOverSlo);              // 80, 95, 96, 97, 98, 95 are above 70
        Assert.Equal(10, report.MinutesObserved);            // 11:55 to 12:04
        Assert.Equal(3, report.RecommendedMinimum);          // ceil(196 / 90) = ceil(2.18), above the policy's 2
        Assert.Equal(10, report.RecommendedMaximum);         // ceil(3 × 1.25) = 4 is below the policy's 10, which stays
        Assert.Equal(Decided.AddMinutes(-5), report.ObservedFrom);
        Assert.Contains("summed over the ready instances", report.DemandMetric, StringComparison.Ordinal);
    }

    [Fact]
    public void For_PeakNeedAboveMaximum_RecommendsMaximumWithHeadroom()
    {
        var rule = CpuWithCriticalTier();
        var policy = Policy(1, 3, rule);
        // 3 instances at 100% until ready: 300 summed; needs ceil(300 / 70) = 5.
        var cpu = Minutes(policy, rule, Decided.AddMinutes(-5), 100, 100, 100);
        var episode = Episode(from: 3, to: 3, readyAt: null, outcome: ProcedureOutcome.Cancelled);

        var report = CapacityReport.For(policy, episode, [cpu], Decided);

        Assert.Equal(300, report.PeakDemand);
        Assert.Equal(5, report.PeakCapacityNeeded);
        Assert.Equal(4, report.RecommendedMinimum);          // ceil(300 / 90) = ceil(3.33)
        Assert.Equal(7, report.RecommendedMaximum);          // ceil(5 × 1.25) = ceil(6.25)
        Assert.Null(report.TimeToCapacity);
        Assert.Null(report.CapacityReadyAt);
        Assert.Equal(3, report.MinutesOverSlo);
        Assert.Contains("never ready", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void For_GrowthEmergency_DemandOverReadyCapacityCountsAndMinimumAbsorbsOneMinutesGrowth()
    {
        var policy = Policy(2, 20, CpuHigh()) with { Emergency = new EmergencyScaling(GrowthMetric: "Requests", GrowthPercent: 30, TargetPerInstance: 100) };
        var requests = new MetricWindow(
            CapacitySlo.Requests(policy, TimeSpan.FromMinutes(11)).Single(r => r.MetricName == "Requests"),
            Points(Decided.AddMinutes(-5), 1000, 1000, 1000, 1000, 1400, 1800, 2200, 2400, 2500, 2500, 2000));
        var episode = Episode(from: 10, to: 34, readyAt: Decided.AddMinutes(4));

        var report = CapacityReport.For(policy, episode, [requests], Decided.AddMinutes(6));

        Assert.Equal(2500, report.PeakDemand);
        Assert.Equal(Decided.AddMinutes(3), report.PeakAt);   // the first minute at the peak
        Assert.Equal(25, report.PeakCapacityNeeded);          // 2500 / 100
        Assert.Equal(5, report.MinutesOverSlo);               // 1400 to 2500 above 10 × 100 until 34 were ready at 12:04
        Assert.Equal(11, report.MinutesObserved);
        Assert.Equal(20, report.RecommendedMinimum);          // ceil(2500 / (100 × 1.3)) = ceil(19.23)
        Assert.Equal(32, report.RecommendedMaximum);          // ceil(25 × 1.25) = ceil(31.25)
        Assert.Equal(TimeSpan.FromMinutes(4), report.TimeToCapacity);
        Assert.Equal("Requests per minute", report.DemandMetric);
    }

    [Fact]
    public void For_MinutesBeforeObservationStartOrAfterItsEnd_AreNotCounted()
    {
        var rule = CpuWithCriticalTier();
        var policy = Policy(2, 10, rule);
        var cpu = Minutes(policy, rule, Decided.AddMinutes(-8), 99, 99, 99, 50, 50, 50, 50, 50, 99, 99);
        var episode = Episode(from: 2, to: 3, readyAt: Decided);

        var report = CapacityReport.For(policy, episode, [cpu], Decided.AddMinutes(1));

        Assert.Equal(Decided.AddMinutes(-5), report.ObservedFrom);
        Assert.Equal(6, report.MinutesObserved);              // 11:55 to 12:00
        Assert.Equal(1, report.MinutesOverSlo);               // 12:00 at 99; 11:52 to 11:54 are before the start, 12:01 after the end
    }

    [Fact]
    public void For_NoMetricData_AdvisesFromTheEmergencysOwnSizeAndKeepsTheMinimum()
    {
        var policy = Policy(2, 10, CpuWithCriticalTier());
        var episode = Episode(from: 2, to: 6, readyAt: Decided.AddMinutes(2));

        var report = CapacityReport.For(policy, episode, [], Decided.AddMinutes(5));

        Assert.Null(report.PeakDemand);
        Assert.Equal(0, report.MinutesObserved);
        Assert.Equal(6, report.PeakCapacityNeeded);
        Assert.Equal(2, report.RecommendedMinimum);
        Assert.Equal(10, report.RecommendedMaximum);
    }

    private static EmergencyEpisode Episode(int from, int to, DateTimeOffset? readyAt, ProcedureOutcome outcome = ProcedureOutcome.Succeeded) =>
        new("web-tier", ScaleSetId, "scale-web-tier", Decided, "critical CPU", outcome, from, to, readyAt);

    private static MetricWindow Minutes(ScalingPolicy policy, ScalingRule rule, DateTimeOffset first, params double[] values) =>
        new(rule.Trigger.ToRequest(policy.Target.ResourceId) with { TimeGrain = CapacitySlo.Grain, Window = TimeSpan.FromMinutes(values.Length) }, Points(first, values));

    private static List<MetricPoint> Points(DateTimeOffset first, params double[] values) =>
        [.. values.Select((v, i) => new MetricPoint(first.AddMinutes(i), v))];
}
