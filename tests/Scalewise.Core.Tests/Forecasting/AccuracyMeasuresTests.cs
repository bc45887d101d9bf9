using Scalewise.Core.Forecasting;

namespace Scalewise.Core.Tests.Forecasting;

public sealed class AccuracyMeasuresTests
{
    [Fact]
    public void Mase_HandComputed_IsMeanAbsoluteErrorOverTheInSampleSeasonalNaiveError()
    {
        // In-sample seasonal naive with a season of 2: |3-1| + |4-2| + |5-3| + |6-4| = 8 over 4 pairs = 2.
        var scale = AccuracyMeasures.SeasonalNaiveScale([1, 2, 3, 4, 5, 6], seasonHours: 2);
        // Errors 2, 2, 3, 0: mean 1.75.
        var mase = AccuracyMeasures.Mase([10, 20, 30, 40], [12, 18, 33, 40], scale);

        Assert.Equal(2, scale, precision: 12);
        Assert.Equal(0.875, mase, precision: 12);
    }

    [Fact]
    public void Smape_HandComputed_IsInPercent()
    {
        // 2*2/22 + 2*2/38 + 2*3/63 + 0 = 0.382319..., over 4 = 0.0955799 -> 9.55799 %.
        var smape = AccuracyMeasures.Smape([10, 20, 30, 40], [12, 18, 33, 40]);

        Assert.Equal(100 * ((4.0 / 22) + (4.0 / 38) + (6.0 / 63)) / 4, smape, precision: 12);
        Assert.Equal(9.558, smape, precision: 3);
    }

    [Fact]
    public void Smape_ZeroActualAndZeroForecast_CountsAsNoError()
    {
        Assert.Equal(100, AccuracyMeasures.Smape([0, 0], [0, 5]), precision: 12);
    }

    [Fact]
    public void Measures_MissingActualHours_AreNotScored()
    {
        Assert.Equal(2, AccuracyMeasures.MeanAbsoluteError([10, double.NaN, 30], [12, 1000, 28]), precision: 12);
        Assert.Equal(AccuracyMeasures.Smape([10, 30], [12, 28]), AccuracyMeasures.Smape([10, double.NaN, 30], [12, 1000, 28]), precision: 12);
    }

    [Fact]
    public void Mase_SeriesThatRepeatsExactly_IsUndefined()
    {
        var scale = AccuracyMeasures.SeasonalNaiveScale(Enumerable.Repeat(50.0, 72).ToArray());

        Assert.Equal(0, scale);
        Assert.True(double.IsNaN(AccuracyMeasures.Mase([50, 50], [49, 51], scale)));
    }
}
