namespace Scalewise.Backtest.Strategies;

/// <summary>
/// What a strategy asks for at the end of a minute: a capacity (the replay keeps it within the policy's bounds), and
/// the requests a minute it forecast, when it forecasts (charts plot it next to demand).
/// </summary>
public readonly record struct CapacityRequest(int Capacity, double? ForecastRequests = null);
