namespace Scalewise.Core.Redis;

/// <summary>
/// A path of allowed single operations from <see cref="From"/> to <see cref="To"/>, or a refusal naming the rule
/// (<see cref="RefusedBy"/>) and saying what would be accepted. An empty allowed plan means nothing to do.
/// </summary>
public sealed record RedisMovePlan(RedisSku From, RedisSku To, IReadOnlyList<RedisMoveStep> Steps, RedisMoveRule? RefusedBy, string? Refusal)
{
    public bool IsAllowed => RefusedBy is null;

    /// <summary>True when a step resizes a Basic cache, which loses its data; the caller must refuse unless the policy accepts data loss.</summary>
    public bool LosesData => Steps.Any(s => s.LosesData);

    /// <summary>The sum of the steps' time budgets.</summary>
    public TimeSpan TotalTimeBudget => Steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.TimeBudget);
}
