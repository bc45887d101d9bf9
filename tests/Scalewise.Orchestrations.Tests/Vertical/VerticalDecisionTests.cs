using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;
using Scalewise.Core.Redis;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Orchestrations.Procedures;
using Scalewise.Simulator.Load;
using Scalewise.Simulator.Redis;
using Scalewise.Simulator.VirtualMachines;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;

namespace Scalewise.Orchestrations.Tests.Vertical;

/// <summary>
/// The EvaluatePolicies tick on vertical targets: it reads the VM or cache through its own controller, decides on the
/// SKU it has now, and starts the vertical procedure that steps it one rung up the ladder.
/// </summary>
[Collection(LocalEstateCollection.Name)]
public sealed class VerticalDecisionTests(LocalEstateFixture estate)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Evaluate_VmCpuRuleFires_ResizesToTheNextRungAndSucceeds()
    {
        // 45 requests/s on 2 cores of 25 each: about 93 % CPU on Standard_D2s_v3, 48 % on Standard_D4s_v3.
        var (policy, vm) = await estate.AddVmAsync("vm-auto", configure: p => p with { Rules = [SkuStepUp("cpu-high", SimulatedVirtualMachine.PercentageCpu, 70)] });
        vm.SetLoad(new ConstantLoadProfile(45));

        var decision = await EvaluateAsync(policy);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal("Standard_D2s_v3", decision.CurrentSku);
        Assert.Equal("Standard_D4s_v3", decision.NewSku);
        var result = await CompletedProcedureAsync(policy);
        Assert.True(result.Outcome == ProcedureOutcome.Succeeded, result.Summary);
        Assert.Equal("Standard_D4s_v3", vm.Size);
        Assert.Equal("running", vm.PowerState);
        var record = await estate.RecordOfAsync(policy);
        Assert.Equal(ProcedureOutcome.Succeeded, record.Outcome);
        Assert.Equal(PolicyEvaluation.RequestedBy, record.RequestedBy);
        Assert.Equal("Standard_D2s_v3", record.FromSku);
        Assert.Equal("Standard_D4s_v3", record.ToSku);
    }

    [Fact]
    public async Task Evaluate_RedisServerLoadRuleFires_ScalesToTheNextRungAndSucceeds()
    {
        var (policy, cache) = await estate.AddCacheAsync("redis-auto", new RedisSku(RedisTier.Standard, 1), p => p with { Rules = [SkuStepUp("server-load-high", SimulatedRedisCache.ServerLoad, 50)] });

        // Overloaded (100 % on C1) until the last complete minute, then 2,000 operations/s (22 % on C1, 12 % on C2):
        // the rule's 5-minute average is past 50 %, and verification reads the last minute, which is under it.
        var lastMinute = WholeMinute(DateTimeOffset.UtcNow).AddMinutes(-1);
        var start = lastMinute.AddMinutes(-10);
        cache.SetLoad(new PhasedLoadProfile(start, new LoadPhase(lastMinute - start, 20_000), new LoadPhase(TimeSpan.FromHours(1), 2_000)));

        var decision = await EvaluateAsync(policy);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal("Standard_C1", decision.CurrentSku);
        Assert.Equal("Standard_C2", decision.NewSku);
        var result = await CompletedProcedureAsync(policy);
        Assert.True(result.Outcome == ProcedureOutcome.Succeeded, $"{result.Summary} | {string.Join(" | ", result.Steps.Select(s => $"{s.Name}: {s.Result}"))}");
        Assert.Equal(new RedisSku(RedisTier.Standard, 2), cache.Sku);
        var record = await estate.RecordOfAsync(policy);
        Assert.Equal(ProcedureOutcome.Succeeded, record.Outcome);
        Assert.Contains(record.Steps, s => s.Name == Verify && s.Result.Contains("serverLoad", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evaluate_ManagedRedisMetricScriptedHigh_StepsTheClusterUpItsLadderAndSucceeds()
    {
        // The simulator does not model Azure Managed Redis load; the metric the policy reads is scripted on the cluster.
        const string Metric = "usedmemorypercentage";
        var (policy, cluster) = await estate.AddClusterAsync("amr-auto", "Balanced_B1", configure: p => p with { Rules = [SkuStepUp("memory-high", Metric, 80)] });
        estate.Simulator.Estate.SetMetric(policy.Target.ResourceId, Metric, _ => 91, unit: "Percent");

        var decision = await EvaluateAsync(policy);

        Assert.Equal(DecisionOutcome.Scale, decision.Outcome);
        Assert.Equal("Balanced_B1", decision.CurrentSku);
        Assert.Equal("Balanced_B3", decision.NewSku);
        Assert.Contains("memory-high", decision.Reason, StringComparison.Ordinal);
        using var timeout = new CancellationTokenSource(Budget);
        var completed = await estate.Host.Client.WaitForInstanceCompletionAsync(ProcedureIds.ForTarget(policy.Id), getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(nameof(RedisEnterpriseScaleProcedure), completed.Name);
        var result = completed.ReadOutputAs<VerticalProcedureResult>()!;
        Assert.True(result.Outcome == ProcedureOutcome.Succeeded, result.Summary);
        Assert.Equal("Balanced_B3", cluster.SkuName);
        var record = await estate.RecordOfAsync(policy);
        Assert.Equal(("Balanced_B1", "Balanced_B3"), (record.FromSku, record.ToSku));
    }

    [Fact]
    public async Task Evaluate_VmStillResizing_SkipsWithoutStartingAProcedure()
    {
        var (policy, vm) = await estate.AddVmAsync("vm-busy", delay: TimeSpan.FromMinutes(10), configure: p => p with { Rules = [SkuStepUp("cpu-high", SimulatedVirtualMachine.PercentageCpu, 70)] });
        vm.SetLoad(new ConstantLoadProfile(45));
        await estate.Services.GetRequiredService<IVirtualMachineController>().BeginResizeAsync(vm.ResourceId, "Standard_D8s_v3", CancellationToken.None);

        var decision = await estate.Services.GetRequiredService<PolicyEvaluation>().EvaluateAsync(estate.Host.Client, policy, CancellationToken.None);

        Assert.Null(decision);
        Assert.Null(await estate.Host.Client.GetInstanceAsync(ProcedureIds.ForTarget(policy.Id), CancellationToken.None));
    }

    private static ScalingRule SkuStepUp(string name, string metric, double threshold) => new(
        name,
        new MetricTrigger(metric, null, null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, threshold),
        new ScaleAction(ScaleDirection.Increase, 1, TimeSpan.FromMinutes(30), ScaleActionType.SkuStep));

    private async Task<ScalingDecision> EvaluateAsync(ScalingPolicy policy)
    {
        var decision = await estate.Services.GetRequiredService<PolicyEvaluation>().EvaluateAsync(estate.Host.Client, policy, CancellationToken.None);
        Assert.NotNull(decision);
        return decision;
    }

    private async Task<VerticalProcedureResult> CompletedProcedureAsync(ScalingPolicy policy)
    {
        using var timeout = new CancellationTokenSource(Budget);
        var completed = await estate.Host.Client.WaitForInstanceCompletionAsync(ProcedureIds.ForTarget(policy.Id), getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        return completed.ReadOutputAs<VerticalProcedureResult>() ?? throw new InvalidOperationException("The procedure returned no result.");
    }

    private static DateTimeOffset WholeMinute(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
