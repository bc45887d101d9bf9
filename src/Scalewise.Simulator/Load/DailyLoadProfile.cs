namespace Scalewise.Simulator.Load;

/// <summary>
/// A daily pattern: one arrival rate per UTC hour of the day, the same shape every day, each day scaled by a factor
/// within ±<see cref="DailyVariation"/> that depends only on the date (so weeks of history are not an exact repeat, and
/// the same time always answers the same). Defined for every time, past included: set as a resource's first load, it
/// gives Azure Monitor weeks of hourly history before the simulation starts, which is what a forecaster reads.
/// </summary>
public sealed class DailyLoadProfile : ILoadProfile
{
    private readonly double[] hourlyRates;

    public DailyLoadProfile(IReadOnlyList<double> hourlyRates, double dailyVariation = 0)
    {
        ArgumentNullException.ThrowIfNull(hourlyRates);
        if (hourlyRates.Count != 24)
        {
            throw new ArgumentException($"A daily load profile needs 24 hourly rates (UTC hours 0 to 23); got {hourlyRates.Count}.", nameof(hourlyRates));
        }

        for (var hour = 0; hour < 24; hour++)
        {
            if (hourlyRates[hour] < 0 || !double.IsFinite(hourlyRates[hour]))
            {
                throw new ArgumentException($"The rate of hour {hour} is {hourlyRates[hour]}; a rate must be a finite number >= 0.", nameof(hourlyRates));
            }
        }

        if (dailyVariation is < 0 or >= 1 || !double.IsFinite(dailyVariation))
        {
            throw new ArgumentOutOfRangeException(nameof(dailyVariation), dailyVariation, "The daily variation is a fraction from 0 up to (not including) 1.");
        }

        this.hourlyRates = [.. hourlyRates];
        DailyVariation = dailyVariation;
    }

    /// <summary>Requests per second in each UTC hour of the day (index 0 is 00:00-01:00 UTC), before the day's factor.</summary>
    public IReadOnlyList<double> HourlyRates => hourlyRates;

    /// <summary>The largest fraction by which a day's rates differ from <see cref="HourlyRates"/>.</summary>
    public double DailyVariation { get; }

    public double RequestsPerSecondAt(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return hourlyRates[utc.Hour] * DayFactor(DateOnly.FromDateTime(utc));
    }

    /// <summary>The factor the rates of <paramref name="day"/> (UTC) are multiplied by: 1 ± up to <see cref="DailyVariation"/>, spread over 13-day cycles.</summary>
    public double DayFactor(DateOnly day) => 1 + (DailyVariation * ((((long)day.DayNumber * 7919) % 13) - 6) / 6.0);
}
