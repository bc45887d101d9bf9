namespace Scalewise.Core.Forecasting;

/// <summary>
/// How a rolling-origin backtest runs: forecasts of <see cref="HorizonHours"/> from every hourly origin whose horizon
/// falls within the last <see cref="Days"/> days of the series, each from at least <see cref="MinimumHistoryHours"/> of history,
/// the origins spread over the cores unless <see cref="InParallel"/> is false (a backtest replay that forecasts every
/// virtual hour of many targets is parallel already, and many small parallel loops cost more than they save).
/// </summary>
public sealed record BacktestOptions(int HorizonHours = 48, int Days = 14, int MinimumHistoryHours = 168, bool InParallel = true);
