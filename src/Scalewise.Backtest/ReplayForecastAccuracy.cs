namespace Scalewise.Backtest;

/// <summary>
/// How the forecasts a policy scaled on during a replay did: each whole hour with data against the forecast for it made at
/// the hour's start (from the hours before), as MASE (scaled by the mean absolute daily seasonal difference of the
/// replayed hourly series) and sMAPE in percent; null when undefined. See docs/metrics.md.
/// </summary>
/// <param name="Method">The method in force for the most hours; null when no forecast was made.</param>
/// <param name="ScoredHours">Hours scored: whole hours with data and a forecast in force.</param>
/// <param name="Forecasts">Forecasts made (one an hour).</param>
/// <param name="HoursByMethod">Hours each method's forecast was in force.</param>
/// <param name="RefitInterval">How often Holt-Winters refitted its parameters.</param>
public sealed record ReplayForecastAccuracy(
    string? Method,
    double? Mase,
    double? Smape,
    int ScoredHours,
    int Forecasts,
    IReadOnlyDictionary<string, int> HoursByMethod,
    TimeSpan RefitInterval);
