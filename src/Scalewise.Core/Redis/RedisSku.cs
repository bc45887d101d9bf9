namespace Scalewise.Core.Redis;

/// <summary>
/// An Azure Cache for Redis size: tier, capacity (C0-C6 for Basic and Standard, P1-P5 for Premium) and shard count
/// (0 = not clustered; clustering needs Premium). The wire form is <c>sku {name, family, capacity}</c> + <c>properties.shardCount</c>.
/// </summary>
public sealed record RedisSku(RedisTier Tier, int Capacity, int ShardCount = 0)
{
    /// <summary>The documented default limit of shards per Premium cache.</summary>
    public const int MaxShards = 10;

    // Memory per primary (MB) from the Azure Cache for Redis size table.
    private static readonly int[] CMemoryMegabytes = [250, 1024, 2560, 6144, 13312, 26624, 54272];
    private static readonly int[] PMemoryMegabytes = [0, 6144, 13312, 26624, 54272, 122880];

    /// <summary>"C" for Basic and Standard, "P" for Premium.</summary>
    public string Family => Tier == RedisTier.Premium ? "P" : "C";

    /// <summary>The ARM <c>sku.name</c>: Basic, Standard or Premium.</summary>
    public string Name => Tier.ToString();

    /// <summary>"C1", "P3".</summary>
    public string Size => Family + Capacity.ToString(CultureInfo.InvariantCulture);

    public bool IsClustered => ShardCount > 0;

    /// <summary>Shards the cache's data lives on (1 when not clustered).</summary>
    public int EffectiveShards => Math.Max(1, ShardCount);

    /// <summary>Memory of one primary, in MB (for a clustered cache, per shard).</summary>
    public int MemoryMegabytesPerShard => Validate() is null ? (Tier == RedisTier.Premium ? PMemoryMegabytes[Capacity] : CMemoryMegabytes[Capacity]) : 0;

    /// <summary>Memory across all shards, in MB.</summary>
    public long TotalMemoryMegabytes => (long)MemoryMegabytesPerShard * EffectiveShards;

    /// <summary>Reads the ARM wire form; null <paramref name="shardCount"/> means not clustered.</summary>
    public static bool TryParse(string? name, string? family, int capacity, int? shardCount, out RedisSku? sku, out string? error)
    {
        sku = null;
        if (!Enum.TryParse<RedisTier>(name, ignoreCase: true, out var tier) || !Enum.IsDefined(tier) || int.TryParse(name, out _))
        {
            error = $"sku.name '{name}' is not a Redis tier; expected Basic, Standard or Premium.";
            return false;
        }

        var candidate = new RedisSku(tier, capacity, shardCount ?? 0);
        if (!string.Equals(family, candidate.Family, StringComparison.OrdinalIgnoreCase))
        {
            error = $"sku.family '{family}' does not go with tier {tier}; {tier} uses family {candidate.Family}.";
            return false;
        }

        error = candidate.Validate();
        sku = error is null ? candidate : null;
        return error is null;
    }

    /// <summary>Null when this is a size Azure offers; otherwise what is wrong and what would be accepted.</summary>
    public string? Validate()
    {
        if (!Enum.IsDefined(Tier))
        {
            return $"Tier {(int)Tier} is not a Redis tier; expected Basic, Standard or Premium.";
        }

        if (Tier == RedisTier.Premium && (Capacity < 1 || Capacity > 5))
        {
            return string.Create(CultureInfo.InvariantCulture, $"Premium capacity {Capacity} does not exist; Premium sizes are P1-P5.");
        }

        if (Tier != RedisTier.Premium && (Capacity < 0 || Capacity > 6))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Tier} capacity {Capacity} does not exist; {Tier} sizes are C0-C6.");
        }

        if (ShardCount < 0 || ShardCount > MaxShards)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Shard count {ShardCount} is out of range; use 0 (not clustered) or 1-{MaxShards}.");
        }

        if (ShardCount > 0 && Tier != RedisTier.Premium)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Tier} {Size} cannot have {ShardCount} shards; clustering (shards) needs the Premium tier.");
        }

        return null;
    }

    public override string ToString() =>
        ShardCount > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Tier} {Size} x{ShardCount} shards")
            : $"{Tier} {Size}";
}
