
using Scalewise.Backtest;

namespace Scalewise.Cli.Reports;

/// <summary>report.json's <c>forecast</c> of a strategy that scaled on forecasts: how the forecasts in force did (docs/metrics.md).</summary>
public sealed record StrategyForecastReport(
    string? Method,
    double? Mase,
    double? Smape,
    int ScoredHours,
    int Forecasts,
    IReadOnlyDictionary<string, int> HoursByMethod,
    double RefitHours)
{
    public static StrategyForecastReport From(ReplayForecastAccuracy accuracy)
    {
        ArgumentNullException.ThrowIfNull(accuracy);
        return new StrategyForecastReport(
            accuracy.Method,
            accuracy.Mase is { } mase ? Math.Round(mase, 4) : null,
            accuracy.Smape is { } smape ? Math.Round(smape, 4) : null,
            accuracy.ScoredHours,
            accuracy.Forecasts,
            accuracy.HoursByMethod,
            accuracy.RefitInterval.TotalHours);
    }
}
