using Scalewise.Core.Redis;

namespace Scalewise.Core.Procedures;

/// <summary>Reads the ladder names of Azure Cache for Redis sizes ("Standard_C2", "Premium_P1") as <see cref="RedisSku"/>s.</summary>
public static class RedisSkuNames
{
    /// <summary>The ladder name of a size ("Premium_P2"); shards are not part of it.</summary>
    public static string NameOf(RedisSku sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return $"{sku.Name}_{sku.Size}";
    }

    /// <summary>
    /// Parses "Tier_FamilyCapacity" ("Basic_C0", "Premium_P3"); a Premium target keeps <paramref name="shardCount"/>.
    /// Null with an error when the name is not a Redis size.
    /// </summary>
    public static RedisSku? Parse(string? name, int shardCount, out string? error)
    {
        var parts = (name ?? string.Empty).Split('_');
        if (parts.Length != 2 || parts[1].Length < 2
            || !int.TryParse(parts[1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var capacity)
            || !RedisSku.TryParse(parts[0], parts[1][..1], capacity, null, out var sku, out error))
        {
            error = $"'{name}' is not a Redis size; use Tier_Size such as \"Standard_C2\" or \"Premium_P1\".";
            return null;
        }

        var withShards = sku! with { ShardCount = sku.Tier == RedisTier.Premium ? shardCount : 0 };
        error = withShards.Validate();
        return error is null ? withShards : null;
    }
}
