using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Procedures;
using Scalewise.Core.Redis;
using Scalewise.Simulator.Faults;
using Scalewise.Simulator.Operations;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;

namespace Scalewise.Orchestrations.Tests.Vertical;

[Collection(LocalEstateCollection.Name)]
public sealed class RedisScaleProcedureTests(LocalEstateFixture estate)
{
    [Fact]
    public async Task RedisScale_StandardSizeUp_ReachesNewSizeAndVerifies()
    {
        var (policy, cache) = await estate.AddCacheAsync("redis-up", new RedisSku(RedisTier.Standard, 1));

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Standard_C2"));

        Assert.Equal(ProcedureOutcome.Succeeded, result.Outcome);
        Assert.Equal(new RedisSku(RedisTier.Standard, 2), cache.Sku);
        Assert.Equal([Guard, Plan, Apply, WaitForProvisioning, WarmUp, Verify, Notify], result.Steps.Select(s => s.Name));
        Assert.Equal(ProcedureOutcome.Succeeded, (await estate.RecordOfAsync(policy)).Outcome);
    }

    [Theory]
    [InlineData(LongRunningForm.Location)]
    [InlineData(LongRunningForm.AzureAsyncOperation)]
    [InlineData(LongRunningForm.Synchronous200)]
    [InlineData(LongRunningForm.Synchronous204)]
    public async Task RedisScale_Premium_ExportsBeforeScalingInEveryAnswerForm(LongRunningForm form)
    {
        var (policy, cache) = await estate.AddCacheAsync("redis-export", new RedisSku(RedisTier.Premium, 1), exportForm: form);

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Premium_P2"));

        Assert.True(result.Outcome == ProcedureOutcome.Succeeded, $"{result.Outcome}: {result.Summary} | {string.Join(" | ", result.Steps.Select(s => $"{s.Name}: {s.Result}"))}");
        Assert.Equal(new RedisSku(RedisTier.Premium, 2), cache.Sku);
        Assert.Single(cache.Exports);
        var names = result.Steps.Select(s => s.Name).ToList();
        Assert.True(names.IndexOf(Export) < names.IndexOf(Apply));
    }

    [Fact]
    public async Task RedisScale_BasicResizeWithoutAcceptDataLoss_IsCancelledAndCacheKept()
    {
        var (policy, cache) = await estate.AddCacheAsync("redis-basic", new RedisSku(RedisTier.Basic, 1));

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Basic_C2"));

        Assert.Equal(ProcedureOutcome.Cancelled, result.Outcome);
        Assert.Contains("acceptDataLoss", result.Summary, StringComparison.Ordinal);
        Assert.Equal(new RedisSku(RedisTier.Basic, 1), cache.Sku);
    }

    [Fact]
    public async Task RedisScale_BasicResizeWithAcceptDataLoss_Succeeds()
    {
        var (policy, cache) = await estate.AddCacheAsync("redis-loss", new RedisSku(RedisTier.Basic, 1), p => p with { AcceptDataLoss = true });

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Basic_C2"));

        Assert.Equal(ProcedureOutcome.Succeeded, result.Outcome);
        Assert.Equal(new RedisSku(RedisTier.Basic, 2), cache.Sku);
    }

    [Fact]
    public async Task RedisScale_ToLowerTier_IsCancelledNamingTheRule()
    {
        var (policy, cache) = await estate.AddCacheAsync("redis-down", new RedisSku(RedisTier.Premium, 1));

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Standard_C3"));

        Assert.Equal(ProcedureOutcome.Cancelled, result.Outcome);
        Assert.Contains(nameof(RedisMoveRule.NoLowerTier), result.Summary, StringComparison.Ordinal);
        Assert.Equal(new RedisSku(RedisTier.Premium, 1), cache.Sku);
    }

    [Fact]
    public async Task RedisScale_ProvisioningFails_RollsBackKeepingOldSku()
    {
        var (policy, cache) = await estate.AddCacheAsync("redis-fail", new RedisSku(RedisTier.Standard, 1));
        estate.Simulator.Estate.Faults.Enqueue(FaultRule.ProvisioningFailed("PATCH", policy.Target.ResourceId, string.Empty));

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Standard_C2"));

        Assert.Equal(ProcedureOutcome.RolledBack, result.Outcome);
        Assert.Equal(new RedisSku(RedisTier.Standard, 1), cache.Sku);
        Assert.Contains(result.Steps, s => s.Name == Rollback && s.Result.StartsWith("nothing to undo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RedisScale_TierChangeFailsVerification_FailsSayingRollbackNotPossible()
    {
        var rule = new ScalingRule(
            "memory-high",
            new MetricTrigger("usedmemorypercentage", null, null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 10),
            new ScaleAction(ScaleDirection.Increase, 1, TimeSpan.FromMinutes(5)));
        var (policy, cache) = await estate.AddCacheAsync("redis-tier", new RedisSku(RedisTier.Standard, 1), p => p with { Rules = [rule] }, datasetMegabytes: 900);

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Premium_P1"));

        Assert.Equal(ProcedureOutcome.Failed, result.Outcome);
        Assert.Equal(RedisTier.Premium, cache.Sku.Tier);
        Assert.Contains(result.Steps, s => s.Name == Verify && s.Result.Contains("usedmemorypercentage", StringComparison.Ordinal));
        Assert.Contains(result.Steps, s => s.Name == Rollback && s.Result.StartsWith("rollback not possible", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RedisScale_ThrottledThenConflict_WaitsThenSucceeds()
    {
        var (policy, cache) = await estate.AddCacheAsync("redis-429", new RedisSku(RedisTier.Standard, 1));
        estate.Simulator.Estate.Faults.Enqueue(FaultRule.Throttle("PATCH", policy.Target.ResourceId, TimeSpan.FromSeconds(1), string.Empty));
        estate.Simulator.Estate.Faults.Enqueue(FaultRule.Conflict("PATCH", policy.Target.ResourceId, string.Empty));

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Standard_C2"));

        Assert.Equal(ProcedureOutcome.Succeeded, result.Outcome);
        Assert.Equal(new RedisSku(RedisTier.Standard, 2), cache.Sku);
        Assert.Equal(2, estate.Simulator.Estate.Faults.Injected.Count(f => f.Path.Contains(cache.Name, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task RedisScale_GatewayTimeoutOnScale_IsRetriedAndSucceeds()
    {
        var (policy, cache) = await estate.AddCacheAsync("redis-504", new RedisSku(RedisTier.Standard, 1));
        estate.Simulator.Estate.Faults.Enqueue(FaultRule.Timeout("PATCH", policy.Target.ResourceId, TimeSpan.FromMilliseconds(500), string.Empty));

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Standard_C2"));

        Assert.Equal(ProcedureOutcome.Succeeded, result.Outcome);
        Assert.Equal(new RedisSku(RedisTier.Standard, 2), cache.Sku);
    }
}
