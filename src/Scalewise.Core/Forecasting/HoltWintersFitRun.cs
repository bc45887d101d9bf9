using System.Runtime.Intrinsics;

namespace Scalewise.Core.Forecasting;

/// <summary>
/// The history a <see cref="HoltWintersForecaster"/> fit judges candidate parameters on: the transformed hours
/// <paramref name="z"/>, the demand of each hour, the starting components, the fit origins and how many hours they score.
/// Candidates run side by side in the lanes of a <see cref="Vector256{T}"/>.
/// </summary>
internal sealed class HoltWintersFitRun(double[] z, double[] demand, HoltWintersComponents start, int[] origins, int horizon, int scored, bool multiplicative)
{
    private const int Day = 24;
    private const int Week = 168;
    private const int Lanes = 4;

    /// <summary>
    /// For each candidate, runs the filter over the fit's history and returns the mean absolute error (in demand, not log
    /// demand) of the forecasts for the next hours of the horizon from every fit origin: the error the forecasts will be
    /// judged by. Up to <see cref="Lanes"/> candidates run side by side, one in each lane of a vector: each lane does the
    /// very additions and multiplications, in the same order, that a run of its candidate alone does, so its error is the
    /// same to the bit. Stops early, the errors then infinity, once no candidate of the lanes can come in under
    /// <paramref name="bound"/>: each sum only grows, so a partial sum already at the bound means the whole is too.
    /// </summary>
    public double[] Losses(HoltWintersParameters[] candidates, double bound)
    {
        var losses = new double[candidates.Length];
        var daily = new Vector256<double>[Day];
        var weekly = new Vector256<double>[Week];
        for (var first = 0; first < candidates.Length; first += Lanes)
        {
            var count = Math.Min(Lanes, candidates.Length - first);
            var lane = new HoltWintersParameters[Lanes];
            for (var i = 0; i < Lanes; i++)
            {
                // Spare lanes repeat the last candidate; their results are not used.
                lane[i] = candidates[first + Math.Min(i, count - 1)];
            }

            Run(lane, count, bound, daily, weekly)[..count].CopyTo(losses.AsSpan(first, count));
        }

        return losses;
    }

    private ReadOnlySpan<double> Run(HoltWintersParameters[] lane, int count, double bound, Vector256<double>[] daily, Vector256<double>[] weekly)
    {
        var alpha = Vector256.Create(lane[0].Alpha, lane[1].Alpha, lane[2].Alpha, lane[3].Alpha);
        var delta = Vector256.Create(lane[0].Delta, lane[1].Delta, lane[2].Delta, lane[3].Delta);
        var omega = Vector256.Create(lane[0].Omega, lane[1].Omega, lane[2].Omega, lane[3].Omega);
        var phi = Vector256.Create(lane[0].Phi, lane[1].Phi, lane[2].Phi, lane[3].Phi);
        var level = Vector256.Create(start.Level);
        for (var i = 0; i < Day; i++)
        {
            daily[i] = Vector256.Create(start.Daily[i]);
        }

        for (var i = 0; i < Week; i++)
        {
            weekly[i] = Vector256.Create(start.Weekly[i]);
        }

        var error = Vector256<double>.Zero;
        var loss = Vector256<double>.Zero;
        var next = 0;

        // Lanes whose result is settled: spare ones, and those whose error already reached the bound (they lose; the
        // log variant no longer computes their forecasts' demand, the costly part).
        var settled = (1 << Lanes) - (1 << count);

        // d and w are t % Day and t % Week, counted along.
        var (d, w) = (0, 0);
        for (var t = 0; t < z.Length; t++)
        {
            if (next < origins.Length && origins[next] == t)
            {
                next++;
                var correction = error;
                var (dh, wh) = (d, w);
                var end = Math.Min(horizon, z.Length - t);
                for (var h = 0; h < end; h++)
                {
                    correction *= phi;
                    var ahead = level + daily[dh] + weekly[wh] + correction;
                    loss += Vector256.Abs(Demand(ahead, settled) - Vector256.Create(demand[t + h]));
                    (dh, wh) = (dh == Day - 1 ? 0 : dh + 1, wh == Week - 1 ? 0 : wh + 1);
                }

                settled |= Beyond(loss, scored, bound);
                if (settled == (1 << Lanes) - 1)
                {
                    return [double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity];
                }
            }

            error = Vector256.Create(z[t]) - (level + daily[d] + weekly[w]);
            level += alpha * error;
            daily[d] += delta * error;
            weekly[w] += omega * error;
            (d, w) = (d == Day - 1 ? 0 : d + 1, w == Week - 1 ? 0 : w + 1);
        }

        var losses = new double[Lanes];
        for (var i = 0; i < Lanes; i++)
        {
            losses[i] = (settled & (1 << i)) != 0 ? double.PositiveInfinity : scored == 0 ? 0 : loss[i] / scored;
        }

        return losses;
    }

    /// <summary>The lanes whose error so far, as a mean over all the hours scored, is already at the bound (one bit each).</summary>
    private static int Beyond(Vector256<double> loss, int scored, double bound)
    {
        var beyond = 0;
        for (var i = 0; i < Lanes; i++)
        {
            beyond |= loss[i] / scored >= bound ? 1 << i : 0;
        }

        return beyond;
    }

    /// <summary><see cref="HoltWintersForecaster"/>'s demand in each lane not <paramref name="settled"/> (0 in those).</summary>
    private Vector256<double> Demand(Vector256<double> value, int settled) => multiplicative
        ? Vector256.Create(Exp(value, settled, 0), Exp(value, settled, 1), Exp(value, settled, 2), Exp(value, settled, 3))
        : value;

    private static double Exp(Vector256<double> value, int settled, int lane) => (settled & (1 << lane)) != 0 ? 0 : Math.Exp(value[lane]) - 1;
}
