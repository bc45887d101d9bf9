using Scalewise.Core.Forecasting;

namespace Scalewise.Core.Tests.Forecasting;

public sealed class HoltWintersForecasterTests
{
    public static TheoryData<bool> Variants => [false, true];

    [Theory]
    [MemberData(nameof(Variants))]
    public void Forecast_WithACarriedFilter_IsBitForBitTheForecastFromTheWholeHistory(bool multiplicative)
    {
        // A replay's hourly windows: growing from one week to four, then sliding; new parameters twice on the way.
        var method = new HoltWintersForecaster(multiplicative);
        var hours = SyntheticDemand.Hourly(days: 34, seed: 5);
        var filter = new HoltWintersFilter();
        var parameters = new HoltWintersParameters(0.1, 0.05, 0.2, 0.8);
        for (var end = 168; end <= hours.Length; end++)
        {
            if (end is 300 or 700)
            {
                parameters = parameters with { Alpha = parameters.Alpha / 2, Phi = 0.5 };
            }

            var start = Math.Max(0, end - 672);
            var history = hours.AsSpan(start, end - start);

            var carried = method.Forecast(history, 48, parameters, filter);

            Assert.Equal(method.Forecast(history, 48, parameters), carried);
        }

        // Growing with unchanged parameters and starting components, the filter ran over the new hour only.
        Assert.True(filter.Extended >= 672 - 336 - 2, $"extended {filter.Extended} times");
        Assert.True(filter.Restarted >= hours.Length - 672, $"restarted {filter.Restarted} times");
    }

    [Theory]
    [InlineData(false, 200)]
    [InlineData(false, 500)]
    [InlineData(false, 672)]
    [InlineData(true, 200)]
    [InlineData(true, 500)]
    [InlineData(true, 672)]
    public void Fit_ChoosesTheParametersOfThePlainCoordinateDescent(bool multiplicative, int length)
    {
        // Skipping candidates tried before and stopping a candidate once it cannot win must not change the choice.
        var history = SyntheticDemand.Hourly(days: 28, seed: length, noise: 250).AsSpan(0, length).ToArray();
        var reference = new ReferenceFit(history, multiplicative);

        var fitted = new HoltWintersForecaster(multiplicative).Fit(history, 48);

        Assert.Equal(reference.Descend(ReferenceFit.FixedStart), fitted);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Fit_WarmStart_IsAtLeastAsGoodAsBothStartsOnTheNewHistory(bool multiplicative)
    {
        var method = new HoltWintersForecaster(multiplicative);
        var hours = SyntheticDemand.Hourly(days: 28, seed: 11, noise: 250);
        var yesterday = method.Fit(hours.AsSpan(0, 600), 48)!;
        var today = hours.AsSpan(0, 624).ToArray();
        var reference = new ReferenceFit(today, multiplicative);

        var warm = method.Fit(today, 48, warmStart: yesterday)!;

        Assert.True(reference.Loss(warm) <= reference.Loss(yesterday));
        Assert.True(reference.Loss(warm) <= reference.Loss(ReferenceFit.FixedStart));
        Assert.Equal(reference.Descend(reference.Loss(yesterday) < reference.Loss(ReferenceFit.FixedStart) ? yesterday : ReferenceFit.FixedStart), warm);
    }

    [Fact]
    public void Fit_WarmStartFromTheFittedParameters_KeepsThem()
    {
        var method = HoltWintersForecaster.Log;
        var history = SyntheticDemand.Hourly(days: 28, seed: 2, noise: 250);
        var cold = method.Fit(history, 48)!;

        Assert.Equal(cold, method.Fit(history, 48, warmStart: cold));
    }

    /// <summary>
    /// The fit as documented, written plainly: every candidate of every round of the coordinate descent runs the whole
    /// filter and is scored on every fit origin (every 6 hours over the last week, the 48 hours after each).
    /// </summary>
    private sealed class ReferenceFit
    {
        public static readonly HoltWintersParameters FixedStart = new(0.03, 0.05, 0.1, 0.5);

        private readonly double[] z;
        private readonly bool log;
        private readonly double level;
        private readonly double[] daily = new double[24];
        private readonly double[] weekly = new double[168];
        private readonly List<int> origins = [];

        public ReferenceFit(double[] history, bool log)
        {
            this.log = log;
            z = [.. history.Select(v => log ? Math.Log(1 + Math.Max(0, v)) : v)];
            var weeks = Math.Min(2, z.Length / 168);
            var span = weeks * 168;
            level = z.Take(span).ToArray().Average();
            var dayMeans = Enumerable.Range(0, span / 24).Select(d => z.Skip(d * 24).Take(24).ToArray().Average()).ToArray();
            for (var t = 0; t < span; t++)
            {
                daily[t % 24] += (z[t] - dayMeans[t / 24]) / (span / 24);
            }

            for (var t = 0; t < span; t++)
            {
                weekly[t % 168] += (z[t] - level - daily[t % 24]) / weeks;
            }

            for (var origin = z.Length - 1; origin >= Math.Max(168, z.Length - 168 - 48); origin -= 6)
            {
                origins.Insert(0, origin);
            }
        }

        public double Loss(HoltWintersParameters p)
        {
            var (l, d, w, error, loss, scored) = (level, (double[])daily.Clone(), (double[])weekly.Clone(), 0.0, 0.0, 0);
            for (var t = 0; t < z.Length; t++)
            {
                if (origins.Contains(t))
                {
                    var correction = error;
                    for (var h = 0; h < 48 && t + h < z.Length; h++)
                    {
                        correction *= p.Phi;
                        loss += Math.Abs(Demand(l + d[(t + h) % 24] + w[(t + h) % 168] + correction) - Demand(z[t + h]));
                        scored++;
                    }
                }

                error = z[t] - (l + d[t % 24] + w[t % 168]);
                l += p.Alpha * error;
                d[t % 24] += p.Delta * error;
                w[t % 168] += p.Omega * error;
            }

            return scored == 0 ? 0 : loss / scored;
        }

        public HoltWintersParameters Descend(HoltWintersParameters start)
        {
            var (best, bestLoss) = (start, Loss(start));
            for (var round = 0; round < 4; round++)
            {
                var before = best;
                var candidates = new Func<HoltWintersParameters, IEnumerable<HoltWintersParameters>>[]
                {
                    b => new[] { 0, 0.01, 0.03, 0.1, 0.2, 0.4 }.Select(v => b with { Alpha = v }),
                    b => new[] { 0, 0.01, 0.05, 0.1, 0.2, 0.4 }.Select(v => b with { Delta = v }),
                    b => new[] { 0, 0.05, 0.1, 0.2, 0.4, 0.7, 1 }.Select(v => b with { Omega = v }),
                    b => new[] { 0, 0.5, 0.8, 0.95 }.Select(v => b with { Phi = v }),
                };
                foreach (var coordinate in candidates)
                {
                    foreach (var candidate in coordinate(best).ToList())
                    {
                        var loss = Loss(candidate);
                        if (loss < bestLoss)
                        {
                            (best, bestLoss) = (candidate, loss);
                        }
                    }
                }

                if (best == before)
                {
                    break;
                }
            }

            return best;
        }

        private double Demand(double value) => log ? Math.Exp(value) - 1 : value;
    }
}
