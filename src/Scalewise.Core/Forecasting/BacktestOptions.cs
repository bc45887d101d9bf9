namespace Scalewise.Core.Forecasting;

/// <summary>
/// How a rolling-origin backtest runs: forecasts of <see cref="HorizonHours"/> from every hourly origin whose horizon
/// falls within the last <see cref="Days"/> days of the series, each from at least <see cref="MinimumHistoryHours"/> of history.
/// </summary>
public sealed record BacktestOptions(int HorizonHours = 48, int Days = 14, int MinimumHistoryHours = 168);
