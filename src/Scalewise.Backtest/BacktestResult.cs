using Scalewise.Backtest.Strategies;

namespace Scalewise.Backtest;

/// <summary>A replay of one trace through the same simulated target under each strategy.</summary>
/// <param name="DemandInstances">Instances each minute's requests need at the SLO; null for a minute with no data.</param>
public sealed record BacktestResult(
    DateTimeOffset Start,
    int Minutes,
    int MissingMinutes,
    TargetModel Model,
    IReadOnlyList<int?> DemandInstances,
    IReadOnlyList<StrategyResult> Strategies);
