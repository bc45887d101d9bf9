namespace Scalewise.Core.Redis;

/// <summary>
/// One scaling operation: from one SKU to the next, why, whether it loses the cache's data (a Basic cache resize), and how
/// long to wait for <c>provisioningState</c> Succeeded before calling it failed.
/// </summary>
public sealed record RedisMoveStep(RedisSku From, RedisSku To, RedisMoveKind Kind, string Reason, bool LosesData, TimeSpan TimeBudget)
{
    /// <summary>The time budget with <paramref name="perShard"/> in place of <see cref="RedisMovePlanner.TimeBudgetPerShard"/> (a wall-clock budget the launcher chose).</summary>
    public TimeSpan TimeBudgetAt(TimeSpan perShard) => perShard * Math.Max(From.EffectiveShards, To.EffectiveShards);
}
