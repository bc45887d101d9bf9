namespace Scalewise.Core.Forecasting;

/// <summary>
/// How well the chosen method did in the backtest, next to the daily seasonal-naive baseline: MASE (scaled by the
/// in-sample seasonal-naive error with a season of <see cref="MaseSeasonHours"/>) and sMAPE in percent; null when undefined.
/// </summary>
public sealed record ForecastAccuracy(
    double? Mase,
    double? Smape,
    double? BaselineMase,
    double? BaselineSmape,
    int Origins,
    int HorizonHours,
    int MaseSeasonHours);
