namespace Scalewise.Backtest.Strategies;

/// <summary>The strategies <c>scalewise simulate --compare</c> measures a policy against, in report order.</summary>
public static class Baselines
{
    public static IReadOnlyList<string> Names { get; } = ["static-peak", "azure-autoscale", "hpa", "react", "hist", "oracle"];

    /// <summary>New instances of every baseline for one replay of <paramref name="trace"/>.</summary>
    public static IReadOnlyList<ScalingStrategy> Create(WorkloadTrace trace, TargetModel model) =>
    [
        new StaticPeakStrategy(trace, model),
        new AzureAutoscaleStrategy(),
        new HpaStrategy(),
        new ReactStrategy(),
        new HistStrategy(),
        new OracleStrategy(trace, model),
    ];
}
