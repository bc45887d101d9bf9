using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;
using Scalewise.Core.Redis;
using Scalewise.Core.Targets;
using Scalewise.Orchestrations.Procedures;
using Scalewise.Simulator.Operations;
using Scalewise.Simulator.Redis;
using Scalewise.Simulator.RedisEnterprise;
using Scalewise.Simulator.VirtualMachines;

namespace Scalewise.Orchestrations.Tests.Vertical;

/// <summary>VMs and caches in the shared simulator, with stored policies, and a way to run a vertical procedure to its end.</summary>
internal static class VerticalEstate
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    public static async Task<(ScalingPolicy Policy, SimulatedVirtualMachine Vm)> AddVmAsync(this LocalEstateFixture estate, string name, string size = "Standard_D2s_v3", Func<ScalingPolicy, ScalingPolicy>? configure = null, TimeSpan? delay = null)
    {
        estate.Simulator.Estate.SnapshotDelay = Delay;
        var id = UniqueId(name);
        var resourceId = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tests/providers/Microsoft.Compute/virtualMachines/{id}";
        var vm = estate.Simulator.Estate.AddVirtualMachine(resourceId, new VirtualMachineModel(Size: size, ResizeDelay: delay ?? Delay, PowerDelay: delay ?? Delay));
        var policy = await StoreAsync(estate, id, new ScaleTarget(TargetKind.VirtualMachine, resourceId), configure);
        return (policy, vm);
    }

    public static async Task<(ScalingPolicy Policy, SimulatedRedisCache Cache)> AddCacheAsync(this LocalEstateFixture estate, string name, RedisSku sku, Func<ScalingPolicy, ScalingPolicy>? configure = null, double datasetMegabytes = 100, LongRunningForm exportForm = LongRunningForm.Location)
    {
        var id = UniqueId(name);
        var resourceId = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tests/providers/Microsoft.Cache/redis/{id}";
        var cache = estate.Simulator.Estate.AddRedisCache(resourceId, sku, new RedisCacheModel(ScalingDelayPerShard: Delay, ExportDuration: Delay, DatasetMegabytes: datasetMegabytes, ExportForm: exportForm));
        var policy = await StoreAsync(estate, id, new ScaleTarget(TargetKind.RedisCache, resourceId), configure);
        return (policy, cache);
    }

    public static async Task<(ScalingPolicy Policy, SimulatedRedisEnterprise Cluster)> AddClusterAsync(this LocalEstateFixture estate, string name, string sku, int? capacity = null, IReadOnlyList<RedisEnterpriseSkuOption>? skusForScaling = null, Func<ScalingPolicy, ScalingPolicy>? configure = null)
    {
        var id = UniqueId(name);
        var resourceId = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tests/providers/Microsoft.Cache/redisEnterprise/{id}";
        var cluster = estate.Simulator.Estate.AddRedisEnterprise(resourceId, sku, capacity, new RedisEnterpriseModel(ScalingDelay: Delay, SkusForScaling: skusForScaling));
        var policy = await StoreAsync(estate, id, new ScaleTarget(TargetKind.RedisEnterprise, resourceId), configure);
        return (policy, cluster);
    }

    public static VerticalProcedureInput InputFor(ScalingPolicy policy, string toSku, DecisionKind kind = DecisionKind.Manual, TimeSpan? approvalTimeout = null) =>
        new(policy.Id, policy.Target.ResourceId, policy.Target.Kind, kind, toSku, "test", "tests", TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(20), approvalTimeout, ShardTimeBudget: RedisMovePlanner.TimeBudgetPerShard / 300);

    public static async Task<string> StartAsync(this LocalEstateFixture estate, VerticalProcedureInput input)
    {
        var name = input.TargetKind switch
        {
            TargetKind.RedisCache => nameof(RedisScaleProcedure),
            TargetKind.RedisEnterprise => nameof(RedisEnterpriseScaleProcedure),
            _ => nameof(VmResizeProcedure),
        };
        return await estate.Host.Client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(ProcedureIds.ForTarget(input.PolicyId)), CancellationToken.None);
    }

    public static async Task<VerticalProcedureResult> CompleteAsync(this LocalEstateFixture estate, string instanceId)
    {
        using var timeout = new CancellationTokenSource(Budget);
        var completed = await estate.Host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        return completed.ReadOutputAs<VerticalProcedureResult>() ?? throw new InvalidOperationException("The procedure returned no result.");
    }

    public static async Task<VerticalProcedureResult> RunAsync(this LocalEstateFixture estate, VerticalProcedureInput input) =>
        await estate.CompleteAsync(await estate.StartAsync(input));

    public static async Task<ProcedureRecord> RecordOfAsync(this LocalEstateFixture estate, ScalingPolicy policy) =>
        Assert.Single(await estate.Services.GetRequiredService<IProcedureHistory>().ListAsync(policy.Id, 10, CancellationToken.None));

    private static async Task<ScalingPolicy> StoreAsync(LocalEstateFixture estate, string id, ScaleTarget target, Func<ScalingPolicy, ScalingPolicy>? configure)
    {
        var policy = new ScalingPolicy(ScalingPolicy.CurrentVersion, id, target, new CapacityBounds(1, 1, 1), [], TimeSpan.FromSeconds(1));
        policy = configure?.Invoke(policy) ?? policy;
        await estate.Services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, CancellationToken.None);
        return policy;
    }

    private static string UniqueId(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 13)];
}
