namespace Scalewise.Core.Redis;

/// <summary>What one scaling operation of a cache changes.</summary>
public enum RedisMoveKind
{
    /// <summary>To a higher tier (Basic to Standard at the same size; Standard to Premium at any Premium size).</summary>
    TierChange,

    /// <summary>Another size within the tier.</summary>
    Resize,

    /// <summary>More shards (or clustering turned on), in one operation.</summary>
    AddShards,

    /// <summary>Exactly one shard fewer.</summary>
    RemoveShard,
}
