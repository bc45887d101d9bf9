using System.Globalization;
using Scalewise.Core.Redis;

namespace Scalewise.Core.Tests.Redis;

public sealed class RedisMovePlannerTests
{
    /// <summary>Refusals: one row per rule a wanted SKU can break.</summary>
    [Theory]
    [InlineData("Standard C2", "Basic C2", RedisMoveRule.NoLowerTier)]
    [InlineData("Premium P1", "Standard C6", RedisMoveRule.NoLowerTier)]
    [InlineData("Standard C1", "Standard C0", RedisMoveRule.NoScaleDownToC0)]
    [InlineData("Basic C2", "Standard C0", RedisMoveRule.NoScaleDownToC0)]
    [InlineData("Standard C3", "Standard C3x2", RedisMoveRule.ShardsRequirePremium)]
    [InlineData("Premium P2x2", "Premium P2", RedisMoveRule.ClusteringCannotBeDisabled)]
    [InlineData("Premium P6", "Premium P5", RedisMoveRule.ValidSku)]
    [InlineData("Standard C1", "Standard C7", RedisMoveRule.ValidSku)]
    [InlineData("Premium P1", "Premium P1x11", RedisMoveRule.ValidSku)]
    public void Plan_TargetBreaksRule_IsRefusedNamingTheRule(string from, string to, RedisMoveRule rule)
    {
        var plan = RedisMovePlanner.Plan(Sku(from), Sku(to));

        Assert.False(plan.IsAllowed);
        Assert.Equal(rule, plan.RefusedBy);
        Assert.Empty(plan.Steps);
        Assert.False(string.IsNullOrWhiteSpace(plan.Refusal));
    }

    /// <summary>Single operations: one row per rule a single move can break, and some that are fine.</summary>
    [Theory]
    [InlineData("Basic C1", "Standard C2", RedisMoveRule.BasicToStandardSameSizeOnly)]
    [InlineData("Basic C1", "Premium P1", RedisMoveRule.BasicToStandardSameSizeOnly)]
    [InlineData("Standard C3", "Premium P1x2", RedisMoveRule.TierAndShardsSeparately)]
    [InlineData("Premium P1x2", "Premium P2x3", RedisMoveRule.SizeAndShardsSeparately)]
    [InlineData("Premium P1x4", "Premium P1x2", RedisMoveRule.OneShardRemovedPerStep)]
    [InlineData("Premium P1x2", "Premium P1x2", RedisMoveRule.NoChange)]
    [InlineData("Standard C1", "Basic C1", RedisMoveRule.NoLowerTier)]
    public void CheckMove_BreaksRule_NamesTheRule(string from, string to, RedisMoveRule rule)
    {
        var broken = RedisMovePlanner.CheckMove(Sku(from), Sku(to));

        Assert.NotNull(broken);
        Assert.Equal(rule, broken.Value.Rule);
    }

    [Theory]
    [InlineData("Basic C1", "Standard C1")]
    [InlineData("Standard C1", "Premium P3")]
    [InlineData("Premium P1x2", "Premium P1x6")]
    [InlineData("Premium P1x3", "Premium P1x2")]
    [InlineData("Premium P3", "Premium P1")]
    [InlineData("Premium P1", "Premium P1x3")]
    public void CheckMove_AllowedSingleOperation_ReturnsNull(string from, string to) =>
        Assert.Null(RedisMovePlanner.CheckMove(Sku(from), Sku(to)));

    /// <summary>Happy paths: the planned steps, in order, as "kind:to".</summary>
    [Theory]
    [InlineData("Standard C1", "Standard C3", "Resize:Standard C3")]
    [InlineData("Standard C3", "Standard C1", "Resize:Standard C1")]
    [InlineData("Basic C1", "Standard C1", "TierChange:Standard C1")]
    [InlineData("Basic C1", "Standard C3", "TierChange:Standard C1|Resize:Standard C3")]
    [InlineData("Basic C1", "Premium P2", "TierChange:Standard C1|TierChange:Premium P2")]
    [InlineData("Standard C2", "Premium P1x3", "TierChange:Premium P1|AddShards:Premium P1 x3 shards")]
    [InlineData("Premium P1x2", "Premium P1x5", "AddShards:Premium P1 x5 shards")]
    [InlineData("Premium P1x4", "Premium P1x1", "RemoveShard:Premium P1 x3 shards|RemoveShard:Premium P1 x2 shards|RemoveShard:Premium P1 x1 shards")]
    [InlineData("Premium P1x3", "Premium P3x1", "Resize:Premium P3 x3 shards|RemoveShard:Premium P3 x2 shards|RemoveShard:Premium P3 x1 shards")]
    [InlineData("Premium P3x1", "Premium P1x3", "AddShards:Premium P3 x3 shards|Resize:Premium P1 x3 shards")]
    [InlineData("Basic C0", "Standard C0", "TierChange:Standard C0")]
    public void Plan_AllowedTarget_StepsAreSingleAllowedOperationsInOrder(string from, string to, string expected)
    {
        var plan = RedisMovePlanner.Plan(Sku(from), Sku(to));

        Assert.True(plan.IsAllowed, plan.Refusal);
        Assert.Equal(expected, string.Join('|', plan.Steps.Select(s => $"{s.Kind}:{s.To}")));
        Assert.All(plan.Steps, s => Assert.Null(RedisMovePlanner.CheckMove(s.From, s.To)));
        Assert.All(plan.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        Assert.Equal(Sku(to), plan.Steps[^1].To);
        Assert.Equal(Sku(from), plan.Steps[0].From);
    }

    [Fact]
    public void Plan_SameSku_IsAllowedWithNoSteps()
    {
        var plan = RedisMovePlanner.Plan(Sku("Premium P2x2"), Sku("Premium P2x2"));

        Assert.True(plan.IsAllowed);
        Assert.Empty(plan.Steps);
        Assert.Equal(TimeSpan.Zero, plan.TotalTimeBudget);
    }

    [Fact]
    public void Plan_BasicResize_IsFlaggedAsLosingData()
    {
        var plan = RedisMovePlanner.Plan(Sku("Basic C1"), Sku("Basic C3"));

        Assert.True(plan.IsAllowed);
        var step = Assert.Single(plan.Steps);
        Assert.True(step.LosesData);
        Assert.True(plan.LosesData);
        Assert.Contains("LOSES ALL DATA", step.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_BasicToLargerStandard_GoesThroughStandardWithoutDataLoss()
    {
        var plan = RedisMovePlanner.Plan(Sku("Basic C1"), Sku("Standard C4"));

        Assert.False(plan.LosesData);
        Assert.Equal(2, plan.Steps.Count);
    }

    [Fact]
    public void Plan_ClusteredSteps_BudgetTwentyMinutesPerShardTouched()
    {
        var plan = RedisMovePlanner.Plan(Sku("Premium P1x2"), Sku("Premium P1x5"));
        var single = RedisMovePlanner.Plan(Sku("Standard C1"), Sku("Standard C2"));

        Assert.Equal(TimeSpan.FromMinutes(100), Assert.Single(plan.Steps).TimeBudget);
        Assert.Equal(TimeSpan.FromMinutes(20), Assert.Single(single.Steps).TimeBudget);
    }

    [Fact]
    public void Plan_ShardRemovals_TotalBudgetIsSumOfSteps()
    {
        var plan = RedisMovePlanner.Plan(Sku("Premium P1x3"), Sku("Premium P1x1"));

        // 3 -> 2 touches 3 shards (60 min), 2 -> 1 touches 2 (40 min).
        Assert.Equal(TimeSpan.FromMinutes(100), plan.TotalTimeBudget);
    }

    [Theory]
    [InlineData("Standard", "C", 1, null, true)]
    [InlineData("Premium", "P", 3, 2, true)]
    [InlineData("Premium", "C", 3, null, false)]
    [InlineData("Enterprise", "E", 1, null, false)]
    [InlineData("Basic", "C", 1, 2, false)]
    public void TryParse_WireForm_AcceptsOnlyRealSkus(string name, string family, int capacity, int? shards, bool valid)
    {
        var parsed = RedisSku.TryParse(name, family, capacity, shards, out var sku, out var error);

        Assert.Equal(valid, parsed);
        Assert.Equal(valid, sku is not null);
        Assert.Equal(valid, error is null);
    }

    [Fact]
    public void MemoryMegabytes_PremiumClustered_IsPerShardTimesShards()
    {
        var sku = Sku("Premium P1x3");

        Assert.Equal(6144, sku.MemoryMegabytesPerShard);
        Assert.Equal(3 * 6144, sku.TotalMemoryMegabytes);
    }

    /// <summary>"Standard C1", "Premium P2x3".</summary>
    internal static RedisSku Sku(string text)
    {
        var parts = text.Split(' ');
        var tier = Enum.Parse<RedisTier>(parts[0]);
        var size = parts[1][1..].Split('x');
        return new RedisSku(
            tier,
            int.Parse(size[0], CultureInfo.InvariantCulture),
            size.Length > 1 ? int.Parse(size[1], CultureInfo.InvariantCulture) : 0);
    }
}
