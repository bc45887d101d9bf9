namespace Scalewise.Backtest.Frontiers;

/// <summary>
/// A policy (the report's <see cref="Strategy"/>) against the baselines at its own cost: the baseline with the fewest violation minutes there
/// (interpolated on its frontier), or none when no frontier reaches that cost.
/// </summary>
public sealed record SameCostComparison(string Strategy, long InstanceMinutes, int SloViolationMinutes, string? BestBaseline, double? BaselineViolationMinutes)
{
    public static SameCostComparison For(string strategy, long instanceMinutes, int sloViolationMinutes, IReadOnlyList<Frontier> frontiers)
    {
        ArgumentNullException.ThrowIfNull(frontiers);
        string? best = null;
        double? fewest = null;
        foreach (var frontier in frontiers)
        {
            if (frontier.ViolationsAt(instanceMinutes) is { } violations && (fewest is null || violations < fewest))
            {
                best = frontier.Strategy;
                fewest = violations;
            }
        }

        return new SameCostComparison(strategy, instanceMinutes, sloViolationMinutes, best, fewest);
    }
}
