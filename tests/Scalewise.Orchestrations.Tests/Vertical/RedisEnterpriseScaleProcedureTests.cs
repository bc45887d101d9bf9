using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using Scalewise.Orchestrations.Procedures;
using Scalewise.Simulator.Faults;
using Scalewise.Simulator.RedisEnterprise;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;

namespace Scalewise.Orchestrations.Tests.Vertical;

[Collection(LocalEstateCollection.Name)]
public sealed class RedisEnterpriseScaleProcedureTests(LocalEstateFixture estate)
{
    /// <summary>What the REST example of <c>listSkusForScaling</c> returns.</summary>
    private static readonly RedisEnterpriseSkuOption[] ExampleSkus = [new("MemoryOptimized_M100", 120), new("ComputeOptimized_X700", 720), new("Balanced_B5", 6)];

    [Fact]
    public async Task RedisEnterpriseScale_OfferedSku_ReachesItAndVerifies()
    {
        var (policy, cluster) = await estate.AddClusterAsync("amr-up", "Balanced_B3");

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Balanced_B5"));

        Assert.True(result.Outcome == ProcedureOutcome.Succeeded, result.Summary);
        Assert.Equal("Balanced_B5", cluster.SkuName);
        Assert.Equal([Guard, CheckSku, Apply, WaitForProvisioning, WarmUp, Verify, Notify], result.Steps.Select(s => s.Name));
        var record = await estate.RecordOfAsync(policy);
        Assert.Equal(ProcedureOutcome.Succeeded, record.Outcome);
        Assert.Equal("Balanced_B3", record.FromSku);
        Assert.Equal("Balanced_B5", record.ToSku);
        Assert.Contains(record.Steps, s => s.Name == Verify && s.Result.StartsWith("passed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RedisEnterpriseScale_SkuNotOffered_IsCancelledNamingTheOfferedSkusAndChangesNothing()
    {
        var (policy, cluster) = await estate.AddClusterAsync("amr-refused", "Balanced_B3", skusForScaling: ExampleSkus);

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Balanced_B10"));

        Assert.Equal(ProcedureOutcome.Cancelled, result.Outcome);
        Assert.Contains("listSkusForScaling", result.Summary, StringComparison.Ordinal);
        Assert.Contains("MemoryOptimized_M100, ComputeOptimized_X700, Balanced_B5", result.Summary, StringComparison.Ordinal);
        Assert.Equal("Balanced_B3", cluster.SkuName);
        Assert.Equal("Succeeded", cluster.ProvisioningState);
        var record = await estate.RecordOfAsync(policy);
        Assert.Equal(ProcedureOutcome.Cancelled, record.Outcome);
        Assert.DoesNotContain(record.Steps, s => s.Name == Apply);
        Assert.Contains(record.Steps, s => s.Name == CheckSku && s.Result.StartsWith("refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RedisEnterpriseScale_ProvisioningFails_RollsBackKeepingTheOldSku()
    {
        var (policy, cluster) = await estate.AddClusterAsync("amr-fail", "Balanced_B3");
        estate.Simulator.Estate.Faults.Enqueue(FaultRule.ProvisioningFailed("PATCH", policy.Target.ResourceId, string.Empty));

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Balanced_B5"));

        Assert.True(result.Outcome == ProcedureOutcome.RolledBack, result.Summary);
        Assert.Equal("Balanced_B3", cluster.SkuName);
        Assert.Equal("Balanced_B3", result.FinalSku);
        var record = await estate.RecordOfAsync(policy);
        Assert.Equal(ProcedureOutcome.RolledBack, record.Outcome);
        Assert.Contains("did not complete", record.Error, StringComparison.Ordinal);
        Assert.Contains(record.Steps, s => s.Name == WaitForProvisioning && s.Result.Contains("Failed", StringComparison.Ordinal));
        Assert.Contains(record.Steps, s => s.Name == Rollback);
    }

    [Fact]
    public async Task RedisEnterpriseScale_ThrottledThenConflict_WaitsThenSucceeds()
    {
        var (policy, cluster) = await estate.AddClusterAsync("amr-429", "Balanced_B3");
        estate.Simulator.Estate.Faults.Enqueue(FaultRule.Throttle("PATCH", policy.Target.ResourceId, TimeSpan.FromSeconds(1), string.Empty));
        estate.Simulator.Estate.Faults.Enqueue(FaultRule.Conflict("PATCH", policy.Target.ResourceId, string.Empty));

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Balanced_B5"));

        Assert.True(result.Outcome == ProcedureOutcome.Succeeded, result.Summary);
        Assert.Equal("Balanced_B5", cluster.SkuName);
        Assert.Equal(2, estate.Simulator.Estate.Faults.Injected.Count(f => f.Path.Contains(cluster.Name, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task RedisEnterpriseScale_EnterpriseSku_KeepsTheClusterCapacity()
    {
        var (policy, cluster) = await estate.AddClusterAsync("amr-cap", "Enterprise_E10", capacity: 4, skusForScaling: [new("Enterprise_E20", 25), new("Enterprise_E50", 50)]);

        var result = await estate.RunAsync(VerticalEstate.InputFor(policy, "Enterprise_E20"));

        Assert.True(result.Outcome == ProcedureOutcome.Succeeded, result.Summary);
        Assert.Equal("Enterprise_E20", cluster.SkuName);
        Assert.Equal(4, cluster.Capacity);
    }

    [Fact]
    public async Task Launch_SkuDecisionOnAzureManagedRedis_StartsTheRedisEnterpriseProcedure()
    {
        var (policy, cluster) = await estate.AddClusterAsync("amr-launch", "Balanced_B1");
        var decision = new ScalingDecision(policy.Id, policy.Target.ResourceId, DecisionKind.Reactive, DecisionOutcome.Scale, ScaleDirection.Increase, 1, 1, "test", [], DateTimeOffset.UtcNow)
        {
            CurrentSku = "Balanced_B1",
            NewSku = "Balanced_B3",
        };

        var launch = await estate.Services.GetRequiredService<ProcedureLauncher>().LaunchAsync(estate.Host.Client, policy, decision, "tests", CancellationToken.None);

        Assert.True(launch.Started);
        var result = await estate.CompleteAsync(launch.InstanceId);
        var instance = await estate.Host.Client.GetInstanceAsync(launch.InstanceId, CancellationToken.None);
        Assert.Equal(nameof(RedisEnterpriseScaleProcedure), instance!.Name);
        Assert.True(result.Outcome == ProcedureOutcome.Succeeded, result.Summary);
        Assert.Equal("Balanced_B3", cluster.SkuName);
    }
}
