using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;

namespace Scalewise.Core.Tests.Procedures;

/// <summary>Azure Managed Redis as a policy target: the document, its default ladder, and which SKU moves are refused.</summary>
public sealed class RedisEnterpriseTargetTests
{
    private const string ClusterId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-cache/providers/Microsoft.Cache/redisEnterprise/amr-sessions";

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static string Document(string resourceId) => $$"""
        {
          "version": 1, "id": "amr-sessions",
          "target": {"kind": "RedisEnterprise", "resourceId": "{{resourceId}}"},
          "capacity": {"minimum": 1, "maximum": 1, "default": 1},
          "rules": [{
            "name": "memory-high",
            "trigger": {"metricName": "usedmemorypercentage", "statistic": "Average", "timeAggregation": "Average", "timeGrain": "PT1M", "timeWindow": "PT5M", "operator": "GreaterThan", "threshold": 80},
            "action": {"direction": "Increase", "changeCount": 1, "cooldown": "PT30M", "type": "SkuStep"}
          }],
          "warmUp": "PT0S"
        }
        """;

    [Fact]
    public void Parse_RedisEnterpriseTarget_IsAVerticalPolicy()
    {
        var result = PolicyDocument.Parse(Document(ClusterId));

        Assert.Empty(result.Errors);
        Assert.Equal(TargetKind.RedisEnterprise, result.Policy!.Target.Kind);
        Assert.True(result.Policy.IsVertical);
    }

    [Fact]
    public void Parse_RedisEnterpriseKindWithACacheId_SaysWhatAnIdOfTheKindLooksLike()
    {
        var result = PolicyDocument.Parse(Document("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-cache/providers/Microsoft.Cache/redis/amr-sessions"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.target.resourceId", error.Path);
        Assert.Contains("Microsoft.Cache/redisEnterprise/{name}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_MemoryRuleFiresWithoutALadder_StepsOneRungUpTheBalancedLadder()
    {
        var policy = PolicyDocument.Parse(Document(ClusterId)).Policy!;
        var request = policy.Rules[0].Trigger.ToRequest(ClusterId);
        var points = Enumerable.Range(1, 5).Select(i => new MetricPoint(Now.AddMinutes(-6 + i), 90)).ToList();
        var state = TargetState.Empty(policy.Id) with { CurrentSku = "Balanced_B3" };

        var decision = ScalingTick.Decide(policy, [new MetricWindow(request, points)], state, 1, Now);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal("Balanced_B5", decision.NewSku);
        Assert.True(decision.RequiresSkuChange);
    }

    [Fact]
    public void Refusal_SkuOffered_IsNone()
    {
        Assert.Null(RedisEnterpriseSkus.Refusal([new("Balanced_B5", 6), new("Balanced_B10", 12)], "Balanced_B3", "balanced_b5"));
    }

    [Fact]
    public void Refusal_SkuNotOffered_NamesWhatIsOffered()
    {
        var refusal = RedisEnterpriseSkus.Refusal([new("MemoryOptimized_M100", 120), new("Balanced_B5", 6)], "Balanced_B3", "Balanced_B10");

        Assert.Equal("Balanced_B10 is not among the SKUs listSkusForScaling returns for this cluster at Balanced_B3 (MemoryOptimized_M100, Balanced_B5); Azure does not scale it there", refusal);
    }

    [Theory]
    [InlineData("Enterprise_E10", 4, 4)]
    [InlineData("EnterpriseFlash_F300", null, 2)]
    [InlineData("Balanced_B5", 4, null)]
    public void CapacityFor_OnlyEnterpriseSkus_CarryACapacity(string sku, int? current, int? expected)
    {
        Assert.Equal(expected, RedisEnterpriseSkus.CapacityFor(sku, current));
    }
}
