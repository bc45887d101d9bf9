using System.Globalization;

/// <summary>
/// A synthetic web-tier trace nobody tuned a policy on: a diurnal cycle with a weekday/weekend difference, slow growth,
/// noise, and sudden spikes (5-30 minutes at 2-5x) at random times.
/// </summary>
internal static class SyntheticTrace
{
    public static void Write(TextWriter output, int days, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
        var minutes = days * 1440;
        var spike = new double[minutes];
        for (var s = 0; s < days * 3; s++)
        {
            var at = random.Next(minutes);
            var length = random.Next(5, 31);
            var height = 2 + (random.NextDouble() * 3);
            for (var m = at; m < Math.Min(minutes, at + length); m++)
            {
                spike[m] = Math.Max(spike[m], height);
            }
        }

        output.WriteLine("timestamp,requests");
        for (var m = 0; m < minutes; m++)
        {
            var time = start.AddMinutes(m);
            var hour = time.Hour + (time.Minute / 60.0);
            var diurnal = 0.55 + (0.45 * Math.Sin((hour - 9) / 24 * 2 * Math.PI));
            var weekend = time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.6 : 1.0;
            var growth = 1 + (0.2 * m / minutes);
            var noise = 1 + (0.1 * (random.NextDouble() - 0.5) * 2);
            var rate = 2000 * diurnal * weekend * growth * noise * Math.Max(1, spike[m]);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{time:yyyy-MM-dd'T'HH:mm:ss'Z'},{(int)Math.Round(rate)}"));
        }
    }
}
