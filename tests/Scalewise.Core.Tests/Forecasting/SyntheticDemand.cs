namespace Scalewise.Core.Tests.Forecasting;

/// <summary>Hourly web-like demand: a daily cycle peaking mid-afternoon, half the traffic at weekends, and seeded noise.</summary>
internal static class SyntheticDemand
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public static double[] Hourly(int days, int seed, double noise = 100)
    {
        var random = new Random(seed);
        var values = new double[days * 24];
        for (var t = 0; t < values.Length; t++)
        {
            var daily = 1 + (0.6 * Math.Sin(2 * Math.PI * ((t % 24) - 9) / 24));
            var weekly = (t / 24) % 7 >= 5 ? 0.5 : 1.0;
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            values[t] = Math.Max(0, (1000 * daily * weekly) + (noise * gaussian));
        }

        return values;
    }
}
