namespace Scalewise.Core.Redis;

/// <summary>Azure Cache for Redis pricing tiers, lowest first (the order is the upgrade order).</summary>
public enum RedisTier
{
    Basic,
    Standard,
    Premium,
}
