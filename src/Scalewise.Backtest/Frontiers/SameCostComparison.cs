namespace Scalewise.Backtest.Frontiers;

/// <summary>
/// The policy against the baselines at the policy's own cost: the baseline with the fewest violation minutes there
/// (interpolated on its frontier), or none when no frontier reaches that cost.
/// </summary>
public sealed record SameCostComparison(long InstanceMinutes, int SloViolationMinutes, string? BestBaseline, double? BaselineViolationMinutes)
{
    public static SameCostComparison For(long instanceMinutes, int sloViolationMinutes, IReadOnlyList<Frontier> frontiers)
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

        return new SameCostComparison(instanceMinutes, sloViolationMinutes, best, fewest);
    }
}
