using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Reports;
using static Scalewise.Core.Tests.Samples;

namespace Scalewise.Core.Tests.Reports;

public sealed class EmergencyAftermathTests
{
    private static readonly ScalingPolicy Growth = Policy(2, 50, CpuHigh()) with
    {
        Emergency = new EmergencyScaling(GrowthMetric: "Requests", GrowthPercent: 30, TargetPerInstance: 100),
    };

    [Fact]
    public void Check_DemandStillGrowingThirtyPercent_IsNotOver()
    {
        var reading = EmergencyAftermath.Check(Growth, [Requests(1000, 1400)], currentCapacity: 20, Now);

        Assert.False(reading.Over);
        Assert.Contains("still an emergency", reading.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GrowthStoppedButDemandAboveReadyCapacity_IsNotOver()
    {
        var reading = EmergencyAftermath.Check(Growth, [Requests(2400, 2500)], currentCapacity: 20, Now);

        Assert.False(reading.Over);
        Assert.Contains("over the SLO", reading.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GrowthStoppedAndCapacityServesDemand_IsOver()
    {
        var reading = EmergencyAftermath.Check(Growth, [Requests(2400, 2500)], currentCapacity: 25, Now);

        Assert.True(reading.Over);
    }

    [Fact]
    public void Check_NoData_IsNotOver()
    {
        var reading = EmergencyAftermath.Check(Growth, [], currentCapacity: 25, Now);

        Assert.False(reading.Over);
    }

    private static MetricWindow Requests(double previous, double last) =>
        new(EmergencyAftermath.Requests(Growth, TimeSpan.FromMinutes(5)).Single(r => r.MetricName == "Requests"), [new MetricPoint(Now.AddMinutes(-2), previous), new MetricPoint(Now.AddMinutes(-1), last)]);
}
