

namespace Scalewise.Backtest.Tests;

/// <summary>Each SPEC metric on cases worked out by hand (docs/metrics.md has the formulas).</summary>
public sealed class ElasticityMetricsTests
{
    // demand 2 4 4 1, supply 2 2 5 3: minute 1 is short by 2 of 4; minutes 2 and 3 have 1 of 4 and 2 of 1 too many.
    private static readonly ElasticityMetrics Mixed = ElasticityMetrics.Compute([2, 4, 4, 1], [2, 2, 5, 3]);

    [Fact]
    public void Compute_ShortMinute_ThetaUIsMeanRelativeShortfall()
    {
        Assert.Equal(100 * (2.0 / 4) / 4, Mixed.ThetaU, 9); // 12.5 %
    }

    [Fact]
    public void Compute_SurplusMinutes_ThetaOIsMeanRelativeSurplus()
    {
        Assert.Equal(100 * ((1.0 / 4) + (2.0 / 1)) / 4, Mixed.ThetaO, 9); // 56.25 %
    }

    [Fact]
    public void Compute_MixedMinutes_TimesharesCountMinutesShortAndOver()
    {
        Assert.Equal(25, Mixed.TauU, 9);
        Assert.Equal(50, Mixed.TauO, 9);
    }

    [Fact]
    public void Compute_SupplyLaggingDemand_InstabilityCountsStepsMovingDifferently()
    {
        // Steps: demand +2 / supply 0 (differ), demand 0 / supply +3 (differ), demand -3 / supply -2 (same sign).
        Assert.Equal(100.0 * 2 / 3, Mixed.Instability, 9);
    }

    [Fact]
    public void Compute_AsManySupplyAsDemandChanges_JitterIsZero()
    {
        Assert.Equal(0, Mixed.Jitter, 9);
    }

    [Fact]
    public void Compute_SupplyOscillatingUnderFlatDemand_JitterIsExtraAdaptationsPerHour()
    {
        var metrics = ElasticityMetrics.Compute([1, 1, 1, 1], [1, 2, 1, 2]);

        Assert.Equal(3 / (4 / 60.0), metrics.Jitter, 9); // 3 adaptations in 4 minutes: 45 an hour
        Assert.Equal(100, metrics.Instability, 9);
        Assert.Equal(50, metrics.ThetaO, 9);
        Assert.Equal(50, metrics.TauO, 9);
    }

    [Fact]
    public void Compute_ZeroDemand_SurplusIsMeasuredAgainstOneInstance()
    {
        var metrics = ElasticityMetrics.Compute([0], [2]);

        Assert.Equal(200, metrics.ThetaO, 9);
    }

    [Fact]
    public void Compute_ExactSupply_EveryMetricIsZero()
    {
        var metrics = ElasticityMetrics.Compute([3, 5, 2], [3, 5, 2]);

        Assert.Equal(new ElasticityMetrics(0, 0, 0, 0, 0, 0), metrics);
    }

    [Fact]
    public void Compute_MinuteWithoutData_IsLeftOutWithItsSteps()
    {
        var metrics = ElasticityMetrics.Compute([2, null, 2], [1, 5, 1]);

        Assert.Equal(50, metrics.ThetaU, 9); // (1/2 + 1/2) / 2 minutes
        Assert.Equal(100, metrics.TauU, 9);
        Assert.Equal(0, metrics.TauO, 9);
        Assert.Equal(0, metrics.Instability, 9);
        Assert.Equal(0, metrics.Jitter, 9);
    }
}
