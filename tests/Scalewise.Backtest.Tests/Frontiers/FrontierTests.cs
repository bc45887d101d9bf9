using Scalewise.Backtest.Frontiers;
using Scalewise.Core.Policies;
using static Scalewise.Backtest.Tests.SimulationSamples;

namespace Scalewise.Backtest.Tests.Frontiers;

public sealed class FrontierTests
{
    // Four settings; the one at 180 instance-minutes (45 violations) is beaten by the one at 150 (40) and is not efficient.
    private static readonly Frontier Hpa = new("hpa", "target CPU %", [new(90, 100, 50), new(70, 150, 40), new(60, 180, 45), new(50, 200, 10)]);

    [Fact]
    public void Efficient_DominatedSettingLeftOut_CheapestFirst()
    {
        Assert.Equal([100L, 150, 200], Hpa.Efficient().Select(p => p.InstanceMinutes));
    }

    [Theory]
    [InlineData(175, 25)] // 40 + (10 - 40) × 25 / 50
    [InlineData(180, 22)] // the dominated setting at 180 is passed over: 40 - 30 × 30 / 50
    [InlineData(125, 45)] // 50 + (40 - 50) × 25 / 50
    [InlineData(150, 40)] // a setting's own cost: its own violations
    [InlineData(100, 50)]
    public void ViolationsAt_CostWithinTheFrontier_IsLinearBetweenTheBracketingSettings(long cost, double expected)
    {
        Assert.Equal(expected, Hpa.ViolationsAt(cost)!.Value, precision: 9);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(201)]
    public void ViolationsAt_CostOutsideTheFrontier_IsUnknown(long cost)
    {
        Assert.Null(Hpa.ViolationsAt(cost));
    }

    [Fact]
    public void SameCost_SeveralBaselines_TheOneWithFewestViolationsThereWins()
    {
        var react = new Frontier("react", "headroom instances", [new(0, 120, 30), new(4, 220, 0)]);

        var comparison = SameCostComparison.For("scalewise", 175, 12, [Hpa, react]);

        // react at 175: 30 - 30 × 55 / 100 = 13.5; hpa at 175: 25.
        Assert.Equal("react", comparison.BestBaseline);
        Assert.Equal(13.5, comparison.BaselineViolationMinutes!.Value, precision: 9);
        Assert.Equal(12, comparison.SloViolationMinutes);
    }

    [Fact]
    public void SameCost_NoFrontierReachesTheCost_NoBaselineNamed()
    {
        var comparison = SameCostComparison.For("scalewise", 5_000, 3, [Hpa]);

        Assert.Null(comparison.BestBaseline);
        Assert.Null(comparison.BaselineViolationMinutes);
    }

    [Fact]
    public void Sweep_SteadyLoad_StaticFrontierCostsItsCapacityEveryMinute()
    {
        // 350 requests a minute need 4 instances of 100; an hour of it.
        var trace = Phases((60, 350));

        var frontiers = BaselineSweep.Run(trace, Model(), new CapacityBounds(1, 50, 2));

        Assert.Equal(["static", "azure-autoscale", "hpa", "react", "hist"], frontiers.Select(f => f.Strategy));
        var fixedCapacity = frontiers[0];
        Assert.Equal([1.0, 2, 3, 4], fixedCapacity.Points.Select(p => p.Value));
        Assert.Equal([60L, 120, 180, 240], fixedCapacity.Points.Select(p => p.InstanceMinutes));
        Assert.Equal([60, 60, 60, 0], fixedCapacity.Points.Select(p => p.SloViolationMinutes));
        Assert.Equal(BaselineSweep.HpaTargets.Count, frontiers.Single(f => f.Strategy == "hpa").Points.Count);
        Assert.Equal(BaselineSweep.AzureAutoscalePairs.Select(p => p.Out), frontiers.Single(f => f.Strategy == "azure-autoscale").Points.Select(p => p.Value));
    }

    [Fact]
    public void Sweep_HpaTargetLowered_NeverCheaper()
    {
        var trace = Phases((30, 200), (60, 900), (30, 300));

        var hpa = BaselineSweep.Run(trace, Model(), new CapacityBounds(1, 50, 2)).Single(f => f.Strategy == "hpa");

        // Settings run from 30% to 90% target CPU: a lower target keeps more instances.
        var costs = hpa.Points.Select(p => p.InstanceMinutes).ToList();
        Assert.Equal(costs.OrderByDescending(c => c), costs);
        Assert.True(costs[0] > costs[^1], string.Join(", ", costs));
    }
}
