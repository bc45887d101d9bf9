using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using Scalewise.Orchestrations.Activities;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>The vertical procedures' orchestrators and activities, registered with the rest by <see cref="ScalewiseTasks"/>.</summary>
public static class VerticalProcedureTasks
{
    public static IReadOnlyList<string> Orchestrators { get; } = [nameof(VmResizeProcedure), nameof(RedisScaleProcedure), nameof(RedisEnterpriseScaleProcedure)];

    public static IReadOnlyList<string> Activities { get; } =
    [
        nameof(VerticalActivities.GuardVerticalChange),
        nameof(VerticalActivities.ReadVirtualMachine),
        nameof(VerticalActivities.ListVirtualMachineSizes),
        nameof(VerticalActivities.SnapshotDisks),
        nameof(VerticalActivities.ReadDiskSnapshots),
        nameof(VerticalActivities.DeallocateVirtualMachine),
        nameof(VerticalActivities.StartVirtualMachine),
        nameof(VerticalActivities.ResizeVirtualMachine),
        nameof(VerticalActivities.VerifyVirtualMachine),
        nameof(VerticalActivities.DeleteExpiredSnapshots),
        nameof(VerticalActivities.ReadRedisCache),
        nameof(VerticalActivities.ExportRedisCache),
        nameof(VerticalActivities.ReadArmOperation),
        nameof(VerticalActivities.ScaleRedisCache),
        nameof(VerticalActivities.VerifyRedisCache),
        nameof(VerticalActivities.ReadRedisEnterprise),
        nameof(VerticalActivities.ListRedisEnterpriseSkus),
        nameof(VerticalActivities.ScaleRedisEnterprise),
        nameof(VerticalActivities.VerifyRedisEnterprise),
    ];

    public static DurableTaskRegistry AddVerticalProcedureTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestratorFunc<VerticalProcedureInput, VerticalProcedureResult>(nameof(VmResizeProcedure), (context, input) => VmResizeProcedure.RunAsync(context, input));
        registry.AddOrchestratorFunc<VerticalProcedureInput, VerticalProcedureResult>(nameof(RedisScaleProcedure), (context, input) => RedisScaleProcedure.RunAsync(context, input));
        registry.AddOrchestratorFunc<VerticalProcedureInput, VerticalProcedureResult>(nameof(RedisEnterpriseScaleProcedure), (context, input) => RedisEnterpriseScaleProcedure.RunAsync(context, input));

        Add<VerticalGuardInput, VerticalGuardOutcome>(registry, nameof(VerticalActivities.GuardVerticalChange), (a, i, ct) => a.GuardVerticalChange(i, ct));
        Add<string, VirtualMachineState>(registry, nameof(VerticalActivities.ReadVirtualMachine), (a, i, ct) => a.ReadVirtualMachine(i, ct));
        Add<string, IReadOnlyList<string>>(registry, nameof(VerticalActivities.ListVirtualMachineSizes), (a, i, ct) => a.ListVirtualMachineSizes(i, ct));
        Add<DiskSnapshotRequest, IReadOnlyList<DiskSnapshotInfo>>(registry, nameof(VerticalActivities.SnapshotDisks), (a, i, ct) => a.SnapshotDisks(i, ct));
        Add<IReadOnlyList<string>, IReadOnlyList<DiskSnapshotInfo>>(registry, nameof(VerticalActivities.ReadDiskSnapshots), (a, i, ct) => a.ReadDiskSnapshots(i, ct));
        Add<string, ApplyOutcome>(registry, nameof(VerticalActivities.DeallocateVirtualMachine), (a, i, ct) => a.DeallocateVirtualMachine(i, ct));
        Add<string, ApplyOutcome>(registry, nameof(VerticalActivities.StartVirtualMachine), (a, i, ct) => a.StartVirtualMachine(i, ct));
        Add<SkuChange, ApplyOutcome>(registry, nameof(VerticalActivities.ResizeVirtualMachine), (a, i, ct) => a.ResizeVirtualMachine(i, ct));
        Add<SkuChange, VerificationResult>(registry, nameof(VerticalActivities.VerifyVirtualMachine), (a, i, ct) => a.VerifyVirtualMachine(i, ct));
        Add<SnapshotCleanup, IReadOnlyList<string>>(registry, nameof(VerticalActivities.DeleteExpiredSnapshots), (a, i, ct) => a.DeleteExpiredSnapshots(i, ct));
        Add<string, RedisCacheState>(registry, nameof(VerticalActivities.ReadRedisCache), (a, i, ct) => a.ReadRedisCache(i, ct));
        Add<RedisExportRequest, string>(registry, nameof(VerticalActivities.ExportRedisCache), (a, i, ct) => a.ExportRedisCache(i, ct));
        Add<string, ArmOperationStatus>(registry, nameof(VerticalActivities.ReadArmOperation), (a, i, ct) => a.ReadArmOperation(i, ct));
        Add<RedisScaleChange, ApplyOutcome>(registry, nameof(VerticalActivities.ScaleRedisCache), (a, i, ct) => a.ScaleRedisCache(i, ct));
        Add<RedisScaleChange, VerificationResult>(registry, nameof(VerticalActivities.VerifyRedisCache), (a, i, ct) => a.VerifyRedisCache(i, ct));
        Add<string, RedisEnterpriseState>(registry, nameof(VerticalActivities.ReadRedisEnterprise), (a, i, ct) => a.ReadRedisEnterprise(i, ct));
        Add<string, IReadOnlyList<RedisEnterpriseSkuOption>>(registry, nameof(VerticalActivities.ListRedisEnterpriseSkus), (a, i, ct) => a.ListRedisEnterpriseSkus(i, ct));
        Add<RedisEnterpriseSkuChange, ApplyOutcome>(registry, nameof(VerticalActivities.ScaleRedisEnterprise), (a, i, ct) => a.ScaleRedisEnterprise(i, ct));
        Add<RedisEnterpriseSkuChange, VerificationResult>(registry, nameof(VerticalActivities.VerifyRedisEnterprise), (a, i, ct) => a.VerifyRedisEnterprise(i, ct));
        return registry;
    }

    private static void Add<TInput, TOutput>(DurableTaskRegistry registry, string name, Func<VerticalActivities, TInput, CancellationToken, Task<TOutput>> run) =>
        registry.AddActivity(name, services => new VerticalActivity<TInput, TOutput>(services.GetRequiredService<VerticalActivities>(), run));
}
