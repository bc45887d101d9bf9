namespace Scalewise.Core.Redis;

/// <summary>The rules a Redis scaling path keeps; a refused plan or move names the one it would break.</summary>
public enum RedisMoveRule
{
    /// <summary>The SKU is not one Azure offers (tier/family/capacity/shards out of range).</summary>
    ValidSku,

    /// <summary>A cache never moves to a lower tier.</summary>
    NoLowerTier,

    /// <summary>Basic goes to Standard at the same size only; Basic never goes straight to Premium.</summary>
    BasicToStandardSameSizeOnly,

    /// <summary>A cache larger than C0 is never scaled down to C0.</summary>
    NoScaleDownToC0,

    /// <summary>The tier and the shard count never change in one operation.</summary>
    TierAndShardsSeparately,

    /// <summary>Size and shard count change in separate operations (Scalewise's choice: one dimension per step keeps each step verifiable).</summary>
    SizeAndShardsSeparately,

    /// <summary>At most one shard is removed per operation.</summary>
    OneShardRemovedPerStep,

    /// <summary>Shards need the Premium tier.</summary>
    ShardsRequirePremium,

    /// <summary>Clustering, once on, cannot be turned off (shard count never returns to 0).</summary>
    ClusteringCannotBeDisabled,

    /// <summary>An operation must change something.</summary>
    NoChange,
}
