namespace Scalewise.Core.Redis;

/// <summary>
/// Plans how to take an Azure Cache for Redis from one SKU to another in operations Azure allows and Scalewise can verify
/// one at a time. Pure: no I/O, no clock.
/// </summary>
/// <remarks>
/// Rules: never to a lower tier; Basic to Standard at the same size only (and Basic never straight to Premium); never down
/// to C0; tier and shard count never in one operation; size and shard count in separate operations; shards added in one
/// operation, removed one per operation; shards need Premium; clustering cannot be turned off. Growth comes before shrinking
/// (tier, size up, shards added, then shards removed, then size down) so capacity never dips below both ends on the way.
/// A Basic cache has no replica, so resizing it loses its data: such a step is flagged and the caller refuses the plan
/// unless the policy accepts data loss. Each step's time budget is <see cref="TimeBudgetPerShard"/> times the shards it
/// touches (the larger of before and after; 1 when not clustered), since Azure scales a clustered cache shard by shard.
/// </remarks>
public static class RedisMovePlanner
{
    /// <summary>How long one shard of a scaling operation may take before the step is called failed (Azure documents ~20 minutes per shard).</summary>
    public static readonly TimeSpan TimeBudgetPerShard = TimeSpan.FromMinutes(20);

    public static RedisMovePlan Plan(RedisSku from, RedisSku to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var refusal = RefuseTarget(from, to);
        if (refusal is { } r)
        {
            return new RedisMovePlan(from, to, [], r.Rule, r.Message);
        }

        var steps = new List<RedisMoveStep>();
        var current = from;

        if (current.Tier == RedisTier.Basic && to.Tier != RedisTier.Basic)
        {
            current = Add(steps, current, current with { Tier = RedisTier.Standard }, RedisMoveKind.TierChange,
                $"Basic goes to Standard at the same size only ({current.Size}), which adds a replica and keeps the data");
        }

        if (current.Tier == RedisTier.Standard && to.Tier == RedisTier.Premium)
        {
            current = Add(steps, current, new RedisSku(RedisTier.Premium, to.Capacity), RedisMoveKind.TierChange,
                $"Standard {current.Size} to Premium {to.Size}; shards change in a later operation, never with the tier");
        }

        if (to.Capacity > current.Capacity)
        {
            current = Add(steps, current, current with { Capacity = to.Capacity }, RedisMoveKind.Resize, ResizeReason(current, to.Capacity, "up"));
        }

        if (to.ShardCount > current.ShardCount)
        {
            current = Add(steps, current, current with { ShardCount = to.ShardCount }, RedisMoveKind.AddShards,
                string.Create(CultureInfo.InvariantCulture, $"Add {to.ShardCount - current.ShardCount} shard(s) in one operation: {current.ShardCount} -> {to.ShardCount}"));
        }

        while (to.ShardCount < current.ShardCount)
        {
            current = Add(steps, current, current with { ShardCount = current.ShardCount - 1 }, RedisMoveKind.RemoveShard,
                string.Create(CultureInfo.InvariantCulture, $"Remove one shard per operation: {current.ShardCount} -> {current.ShardCount - 1}"));
        }

        if (to.Capacity < current.Capacity)
        {
            current = Add(steps, current, current with { Capacity = to.Capacity }, RedisMoveKind.Resize, ResizeReason(current, to.Capacity, "down"));
        }

        if (current != to)
        {
            throw new InvalidOperationException($"The Redis move planner ended at {current}, not at {to}; this is a bug in the planner.");
        }

        return new RedisMovePlan(from, to, steps, null, null);
    }

    /// <summary>Whether one operation from <paramref name="from"/> to <paramref name="to"/> is allowed; null when it is, else the rule it breaks and why.</summary>
    public static (RedisMoveRule Rule, string Message)? CheckMove(RedisSku from, RedisSku to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (RefuseTarget(from, to) is { } refusal)
        {
            return refusal;
        }

        if (from == to)
        {
            return (RedisMoveRule.NoChange, $"The cache is already {to}; an operation must change something.");
        }

        var tierChanges = from.Tier != to.Tier;
        var shardsChange = from.ShardCount != to.ShardCount;
        if (tierChanges && shardsChange)
        {
            return (RedisMoveRule.TierAndShardsSeparately, $"{from} -> {to} changes the tier and the shard count at once; change the tier first, then the shards.");
        }

        if (from.Tier == RedisTier.Basic && to.Tier == RedisTier.Premium)
        {
            return (RedisMoveRule.BasicToStandardSameSizeOnly, $"{from} -> {to}: Basic cannot go straight to Premium; go to Standard {from.Size} first.");
        }

        if (from.Tier == RedisTier.Basic && to.Tier == RedisTier.Standard && from.Capacity != to.Capacity)
        {
            return (RedisMoveRule.BasicToStandardSameSizeOnly, $"{from} -> {to}: Basic goes to Standard at the same size only (Standard {from.Size}); resize in a later operation.");
        }

        if (!tierChanges && from.Capacity != to.Capacity && shardsChange)
        {
            return (RedisMoveRule.SizeAndShardsSeparately, $"{from} -> {to} changes the size and the shard count at once; change one per operation.");
        }

        if (to.ShardCount < from.ShardCount - 1)
        {
            return (RedisMoveRule.OneShardRemovedPerStep, string.Create(CultureInfo.InvariantCulture, $"{from} -> {to} removes {from.ShardCount - to.ShardCount} shards; remove one per operation."));
        }

        return null;
    }

    /// <summary>The time budget of one operation: <see cref="TimeBudgetPerShard"/> per shard touched.</summary>
    public static TimeSpan TimeBudget(RedisSku from, RedisSku to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return TimeBudgetPerShard * Math.Max(from.EffectiveShards, to.EffectiveShards);
    }

    /// <summary>Rules about the end points themselves, which no path can get round.</summary>
    private static (RedisMoveRule Rule, string Message)? RefuseTarget(RedisSku from, RedisSku to)
    {
        if (from.Validate() is { } fromError)
        {
            return (RedisMoveRule.ValidSku, "The current SKU is not valid: " + fromError);
        }

        if (to.ShardCount > 0 && to.Tier != RedisTier.Premium)
        {
            return (RedisMoveRule.ShardsRequirePremium, string.Create(CultureInfo.InvariantCulture, $"{to.Tier} {to.Size} with {to.ShardCount} shards is not possible: shards need the Premium tier."));
        }

        if (to.Validate() is { } toError)
        {
            return (RedisMoveRule.ValidSku, "The wanted SKU is not valid: " + toError);
        }

        if (to.Tier < from.Tier)
        {
            return (RedisMoveRule.NoLowerTier, $"{from} -> {to} moves to a lower tier, which Azure does not allow; stay on {from.Tier} (or create a new cache and migrate).");
        }

        if (from.IsClustered && !to.IsClustered)
        {
            return (RedisMoveRule.ClusteringCannotBeDisabled, $"{from} -> {to} turns clustering off, which cannot be undone once on; keep at least 1 shard.");
        }

        if (to.Capacity == 0 && to.Family == "C" && from.Capacity > 0)
        {
            return (RedisMoveRule.NoScaleDownToC0, $"{from} -> {to} scales down to C0, which Azure does not allow; the smallest size to scale down to is C1.");
        }

        return null;
    }

    private static RedisSku Add(List<RedisMoveStep> steps, RedisSku from, RedisSku to, RedisMoveKind kind, string reason)
    {
        if (CheckMove(from, to) is { } broken)
        {
            throw new InvalidOperationException($"The Redis move planner produced a step it does not allow ({broken.Rule}): {broken.Message}");
        }

        var losesData = kind == RedisMoveKind.Resize && from.Tier == RedisTier.Basic;
        if (losesData)
        {
            reason += "; a Basic cache has no replica, so this resize LOSES ALL DATA in the cache";
        }

        steps.Add(new RedisMoveStep(from, to, kind, reason + ".", losesData, TimeBudget(from, to)));
        return to;
    }

    private static string ResizeReason(RedisSku before, int capacity, string direction)
    {
        var to = before with { Capacity = capacity };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Resize {direction} within {before.Tier}: {before.Size} -> {to.Size} ({before.MemoryMegabytesPerShard} MB -> {to.MemoryMegabytesPerShard} MB per shard)");
    }
}
