using Scalewise.Core.Forecasting;
using Scalewise.Core.Metrics;

namespace Scalewise.Orchestrations.Evaluation;

/// <summary>
/// One tick of the ForecastDemand timer: for every policy with predictive settings, read up to <see cref="HistoryDays"/> days
/// of its metric at hourly grain, forecast the next <see cref="HorizonHours"/> hours (the method chosen by backtested MASE
/// against seasonal naive) and store the forecast with its accuracy. Shared by the Functions app and the local runner.
/// </summary>
public sealed partial class DemandForecastRun(
    IPolicyStore policies,
    IMetricReader metrics,
    IForecastStore forecasts,
    TimeProvider time,
    ILogger<DemandForecastRun> logger)
{
    public const int HistoryDays = 28;

    public const int MinimumHistoryDays = 7;

    public const int HorizonHours = 48;

    public static readonly TimeSpan HourlyGrain = TimeSpan.FromHours(1);

    public async Task<IReadOnlyList<DemandForecast>> ForecastAllAsync(CancellationToken cancellationToken)
    {
        var made = new List<DemandForecast>();
        foreach (var stored in await policies.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (stored.Policy.Predictive is null)
            {
                continue;
            }

            try
            {
                made.Add(await ForecastAsync(stored.Policy, cancellationToken).ConfigureAwait(false));
            }
#pragma warning disable CA1031 // One target's failure must not stop the others' forecasts.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogForecastFailed(logger, ex, stored.Policy.Id);
            }
        }

        return made;
    }

    public async Task<DemandForecast> ForecastAsync(ScalingPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var settings = policy.Predictive ?? throw new ArgumentException($"Policy '{policy.Id}' has no predictive settings.", nameof(policy));
        var now = time.GetUtcNow().ToUniversalTime();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var request = new MetricRequest(policy.Target.ResourceId, settings.MetricName, settings.MetricNamespace, settings.Aggregation, HourlyGrain, TimeSpan.FromDays(HistoryDays));
        var windows = await metrics.ReadAsync([request], hour, cancellationToken).ConfigureAwait(false);
        var history = Hourly(windows.SelectMany(w => w.Points), hour);
        var forecast = DemandForecasting.Forecast(history, now, new BacktestOptions(HorizonHours: HorizonHours, Days: MinimumHistoryDays)) with
        {
            Observed = [.. history.Values
                .Select((demand, index) => new ForecastPoint(history.Start.AddHours(index), demand))
                .Skip(Math.Max(0, history.Length - HorizonHours))
                .Where(p => !double.IsNaN(p.Demand))],
        };
        await forecasts.SaveAsync(policy.Id, forecast, cancellationToken).ConfigureAwait(false);
        LogForecast(logger, policy.Id, forecast.Method, forecast.Points.Count, forecast.Accuracy?.Mase, forecast.Reason);
        return forecast;
    }

    /// <summary>The hourly series ending at <paramref name="end"/>, from the first hour with data (at most <see cref="HistoryDays"/> days); hours without a value are missing.</summary>
    public static HourlySeries Hourly(IEnumerable<MetricPoint> points, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(points);
        var byHour = new Dictionary<DateTimeOffset, double>();
        foreach (var point in points)
        {
            if (point.Value is { } value)
            {
                var at = point.TimeStamp.ToUniversalTime();
                var key = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);
                byHour[key] = byHour.TryGetValue(key, out var seen) ? seen + value : value;
            }
        }

        var earliest = end.AddDays(-HistoryDays);
        var first = byHour.Keys.Where(k => k >= earliest && k < end).DefaultIfEmpty(end).Min();
        var hours = (int)((end - first).Ticks / TimeSpan.TicksPerHour);
        return new HourlySeries(first, Enumerable.Range(0, hours).Select(h => byHour.TryGetValue(first.AddHours(h), out var v) ? v : double.NaN));
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "Forecasting demand for policy {PolicyId} failed")]
    private static partial void LogForecastFailed(ILogger logger, Exception exception, string policyId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Policy {PolicyId}: {Method} forecast of {Hours} h stored (MASE {Mase}): {Reason}")]
    private static partial void LogForecast(ILogger logger, string policyId, string method, int hours, double? mase, string reason);
}
