using Scalewise.Core.Redis;

namespace Scalewise.Orchestrations.Activities;

/// <summary>One Redis scaling operation asked of a cache, or the SKU verification expects.</summary>
public sealed record RedisScaleChange(string PolicyId, string TargetResourceId, RedisSku Sku);
