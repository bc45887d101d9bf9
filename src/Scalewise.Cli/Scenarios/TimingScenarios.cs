using Scalewise.Core.Scheduling;
using Scalewise.Simulator.Load;

namespace Scalewise.Cli.Scenarios;

/// <summary>
/// The scenarios about when capacity arrives: <c>schedule</c> (a known peak), <c>predictive</c> (a forecast one) and
/// <c>emergency</c> (an unforeseen one). Each starts its clock on a whole minute it chooses, so that its schedule windows,
/// its daily peak or its spike fall on known minutes of the run.
/// </summary>
internal static class TimingScenarios
{
    /// <summary>How long after the run starts the compressed noon window opens.</summary>
    public static readonly TimeSpan NoonOpensAfter = TimeSpan.FromMinutes(2);

    /// <summary>How long the compressed noon window lasts, until the midnight window opens.</summary>
    public static readonly TimeSpan NoonLasts = TimeSpan.FromMinutes(14);

    /// <summary>How long before the daily peak the predictive run starts.</summary>
    public static readonly TimeSpan PredictiveLeadIn = TimeSpan.FromMinutes(40);

    /// <summary>The emergency scenario's Azure Monitor ingestion latency: the spike shows between minute ticks.</summary>
    public static readonly TimeSpan EmergencyMetricLatency = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Requests per second by hour, counted from the peak hour (index 0): a quiet night, a morning ramp to the peak, a slow
    /// afternoon decline. The predictive scenario's simulated scale set has served this every day for weeks.
    /// </summary>
    private static readonly double[] DayFromPeak = [120, 100, 90, 80, 70, 60, 50, 40, 30, 20, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 15, 20, 30];

    /// <summary>
    /// Seed 002's noon and midnight scheduled actions, a simulated day compressed into 24 minutes: the noon window (desired 4)
    /// opens 2 minutes in, well before the lunch rush arrives at 8 minutes; the midnight window (desired 2) opens at 16
    /// minutes, as the rush ends. Both changes are <c>scheduled</c> decisions.
    /// </summary>
    public static RunScenario Schedule(DateTimeOffset now)
    {
        var start = NextMinute(now);
        var noon = start + NoonOpensAfter;
        var midnight = noon + NoonLasts;
        return new RunScenario(
            RunScenarios.Schedule,
            "Seed 002's noon (desired 4) and midnight (desired 2) schedule, compressed: capacity rises before the lunch rush and falls back when the midnight window opens.",
            RunScenarios.ReadPolicy("vmss-noon-schedule.json"),
            InitialCapacity: 2,
            RequestsPerSecondPerInstance: 25,
            ProvisioningDelay: TimeSpan.FromMinutes(3),
            Phases:
            [
                new("morning", TimeSpan.FromMinutes(8), 20),
                new("lunch rush", TimeSpan.FromMinutes(8), 70),
                new("evening", TimeSpan.FromMinutes(8), 15),
            ])
        {
            ClockStart = start,
            ConfigurePolicy = policy => Compress(policy, noon, midnight, midnight + NoonLasts),
        };
    }

    /// <summary>
    /// A daily peak the forecaster has seen for weeks: the run starts <see cref="PredictiveLeadIn"/> before the peak hour
    /// (on the hour, UTC) with 28 days of the pattern as hourly history, forecasts at once and hourly, and replays the quiet
    /// hour before the peak and the first 25 minutes of it. The forecast's look-ahead (provisioning plus warm-up, 12 minutes)
    /// brings capacity in before the peak arrives.
    /// </summary>
    public static RunScenario Predictive(DateTimeOffset now)
    {
        var earliest = NextMinute(now) + PredictiveLeadIn;
        var peak = new DateTimeOffset(earliest.Year, earliest.Month, earliest.Day, earliest.Hour, 0, 0, TimeSpan.Zero);
        if (peak < earliest)
        {
            peak = peak.AddHours(1);
        }

        var start = peak - PredictiveLeadIn;
        var rates = new double[24];
        for (var hour = 0; hour < 24; hour++)
        {
            rates[hour] = DayFromPeak[(hour - peak.Hour + 24) % 24];
        }

        var day = new DailyLoadProfile(rates, dailyVariation: 0.05);
        return new RunScenario(
            RunScenarios.Predictive,
            string.Create(CultureInfo.InvariantCulture, $"A daily peak at {peak:HH:mm} UTC, forecast from 28 days of hourly history: capacity is ready before the peak arrives."),
            RunScenarios.ReadPolicy("vmss-daily-peak.json"),
            InitialCapacity: 2,
            RequestsPerSecondPerInstance: 25,
            ProvisioningDelay: TimeSpan.FromMinutes(3),
            Phases:
            [
                new("before the peak", PredictiveLeadIn, Math.Round(day.RequestsPerSecondAt(start), 2)),
                new("daily peak", TimeSpan.FromMinutes(25), Math.Round(day.RequestsPerSecondAt(peak), 2)),
            ])
        {
            ClockStart = start,
            LoadBeforeStart = day,
        };
    }

    /// <summary>
    /// A flash crowd: 20 requests per second for 5 minutes, then 140 at once for 12. Azure Monitor serves each minute 20
    /// seconds after it ends, so the spike shows between minute ticks and the 15-second emergency check answers it: one
    /// scale-up sized to the projected demand, cooldown bypassed.
    /// </summary>
    public static RunScenario Emergency(DateTimeOffset now) => new(
        RunScenarios.Emergency,
        "A sudden spike (20 to 140 requests per second): the emergency check answers within one check with one scale-up sized to the projected demand.",
        RunScenarios.ReadPolicy("vmss-flash-crowd.json"),
        InitialCapacity: 2,
        RequestsPerSecondPerInstance: 25,
        ProvisioningDelay: TimeSpan.FromMinutes(3),
        Phases:
        [
            new("baseline", TimeSpan.FromMinutes(5), 20),
            new("flash crowd", TimeSpan.FromMinutes(12), 140),
        ])
    {
        ClockStart = NextMinute(now),
        MetricLatency = EmergencyMetricLatency,
    };

    /// <summary>
    /// The policy's noon and midnight windows moved onto the run: noon opens at <paramref name="noon"/>, midnight at
    /// <paramref name="midnight"/> (when noon ends) and lasts until <paramref name="nextNoon"/>; every day, in UTC.
    /// </summary>
    private static ScalingPolicy Compress(ScalingPolicy policy, DateTimeOffset noon, DateTimeOffset midnight, DateTimeOffset nextNoon)
    {
        var schedule = policy.Schedule ?? throw new InvalidOperationException($"The schedule scenario's policy '{policy.Id}' has no schedule.");
        RecurringWindow Window(string name, DateTimeOffset opens, DateTimeOffset closes) =>
            (schedule.Windows.FirstOrDefault(w => w.Name == name) ?? throw new InvalidOperationException($"The schedule scenario's policy '{policy.Id}' has no '{name}' window."))
            with
            {
                Cron = Cron(opens),
                EndCron = Cron(closes),
                TimeZone = "Etc/UTC",
                Duration = null,
                StartDate = null,
                EndDate = null,
                ExcludedDates = [],
            };

        return policy with { Schedule = schedule with { Windows = [Window("noon", noon, midnight), Window("midnight", midnight, nextNoon)] } };
    }

    private static string Cron(DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture, $"{at.UtcDateTime.Minute} {at.UtcDateTime.Hour} * * *");

    private static DateTimeOffset NextMinute(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero).AddMinutes(1);
    }
}
