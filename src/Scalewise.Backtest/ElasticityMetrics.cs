namespace Scalewise.Backtest;

/// <summary>
/// The SPEC Research Group's elasticity metrics (Herbst et al.) over the minutes with data; see docs/metrics.md for the
/// formulas. Accuracy and timeshare are percentages; jitter is adaptations per hour; instability a percentage.
/// </summary>
/// <param name="ThetaU">Under-provisioning accuracy: the mean missing capacity as a share of demand, in %.</param>
/// <param name="ThetaO">Over-provisioning accuracy: the mean surplus capacity as a share of demand, in %.</param>
/// <param name="TauU">Under-provisioning timeshare: the share of minutes with less supply than demand, in %.</param>
/// <param name="TauO">Over-provisioning timeshare: the share of minutes with more supply than demand, in %.</param>
/// <param name="Jitter">Supply adaptations minus demand changes, per hour: negative when supply follows too few of them.</param>
/// <param name="Instability">The share of minute-to-minute steps in which supply and demand do not move the same way, in %.</param>
public sealed record ElasticityMetrics(double ThetaU, double ThetaO, double TauU, double TauO, double Jitter, double Instability)
{
    /// <summary>
    /// The metrics for demand and supply sampled once a minute. <paramref name="demand"/> is the instances needed
    /// (null: no data for that minute, which is left out); <paramref name="supply"/> the instances ready.
    /// </summary>
    public static ElasticityMetrics Compute(IReadOnlyList<int?> demand, IReadOnlyList<int> supply)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(supply);
        if (demand.Count != supply.Count)
        {
            throw new ArgumentException("demand and supply must cover the same minutes.", nameof(supply));
        }

        var accumulator = new ElasticityAccumulator();
        for (var i = 0; i < demand.Count; i++)
        {
            accumulator.Add(demand[i] ?? -1, supply[i]);
        }

        return accumulator.Result();
    }
}
