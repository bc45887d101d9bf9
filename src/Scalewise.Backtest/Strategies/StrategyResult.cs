namespace Scalewise.Backtest.Strategies;

/// <summary>How one strategy did over a replay.</summary>
/// <param name="SloViolationMinutes">Minutes with data in which demand exceeded the ready capacity at the SLO.</param>
/// <param name="InstanceMinutes">Instance-minutes paid for: every instance from its request to its removal, gaps included.</param>
/// <param name="Cost">Instance-minutes at the model's price per instance-hour.</param>
/// <param name="ScalingActions">Capacity changes made.</param>
/// <param name="ReadyCapacity">Ready instances, one value a minute.</param>
/// <param name="ForecastRequests">The strategy's forecast of requests a minute, or null when it made none.</param>
public sealed record StrategyResult(
    string Name,
    int SloViolationMinutes,
    long InstanceMinutes,
    double Cost,
    ElasticityMetrics Elasticity,
    int ScalingActions,
    IReadOnlyList<int> ReadyCapacity,
    IReadOnlyList<double?>? ForecastRequests)
{
    /// <summary>How the forecasts the strategy scaled on did; null when it scales on none it can score.</summary>
    public ReplayForecastAccuracy? ForecastAccuracy { get; init; }
}
