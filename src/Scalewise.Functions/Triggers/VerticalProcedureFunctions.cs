using Microsoft.DurableTask;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using Scalewise.Orchestrations.Activities;
using Scalewise.Orchestrations.Procedures;

namespace Scalewise.Functions.Triggers;

/// <summary>
/// The vertical procedures' orchestrator and activity functions: thin wrappers over the entries of
/// <see cref="Scalewise.Orchestrations.ScalewiseTasks"/>, under the same names the local runner registers.
/// </summary>
public sealed class VerticalProcedureFunctions(VerticalActivities activities)
{
    [Function(nameof(VmResizeProcedure))]
    public static Task<VerticalProcedureResult> RunVmResizeProcedure([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<VerticalProcedureInput>() ?? throw new InvalidOperationException("VmResizeProcedure needs its input.");
        return VmResizeProcedure.RunAsync(context, input);
    }

    [Function(nameof(RedisScaleProcedure))]
    public static Task<VerticalProcedureResult> RunRedisScaleProcedure([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<VerticalProcedureInput>() ?? throw new InvalidOperationException("RedisScaleProcedure needs its input.");
        return RedisScaleProcedure.RunAsync(context, input);
    }

    [Function(nameof(RedisEnterpriseScaleProcedure))]
    public static Task<VerticalProcedureResult> RunRedisEnterpriseScaleProcedure([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<VerticalProcedureInput>() ?? throw new InvalidOperationException("RedisEnterpriseScaleProcedure needs its input.");
        return RedisEnterpriseScaleProcedure.RunAsync(context, input);
    }

    [Function(nameof(VerticalActivities.GuardVerticalChange))]
    public Task<VerticalGuardOutcome> GuardVerticalChange([ActivityTrigger] VerticalGuardInput input, FunctionContext context) =>
        activities.GuardVerticalChange(input, Cancel(context));

    [Function(nameof(VerticalActivities.ReadVirtualMachine))]
    public Task<VirtualMachineState> ReadVirtualMachine([ActivityTrigger] string targetResourceId, FunctionContext context) =>
        activities.ReadVirtualMachine(targetResourceId, Cancel(context));

    [Function(nameof(VerticalActivities.ListVirtualMachineSizes))]
    public Task<IReadOnlyList<string>> ListVirtualMachineSizes([ActivityTrigger] string targetResourceId, FunctionContext context) =>
        activities.ListVirtualMachineSizes(targetResourceId, Cancel(context));

    [Function(nameof(VerticalActivities.SnapshotDisks))]
    public Task<IReadOnlyList<DiskSnapshotInfo>> SnapshotDisks([ActivityTrigger] DiskSnapshotRequest request, FunctionContext context) =>
        activities.SnapshotDisks(request, Cancel(context));

    [Function(nameof(VerticalActivities.ReadDiskSnapshots))]
    public Task<IReadOnlyList<DiskSnapshotInfo>> ReadDiskSnapshots([ActivityTrigger] IReadOnlyList<string> snapshotIds, FunctionContext context) =>
        activities.ReadDiskSnapshots(snapshotIds, Cancel(context));

    [Function(nameof(VerticalActivities.DeallocateVirtualMachine))]
    public Task<ApplyOutcome> DeallocateVirtualMachine([ActivityTrigger] string targetResourceId, FunctionContext context) =>
        activities.DeallocateVirtualMachine(targetResourceId, Cancel(context));

    [Function(nameof(VerticalActivities.StartVirtualMachine))]
    public Task<ApplyOutcome> StartVirtualMachine([ActivityTrigger] string targetResourceId, FunctionContext context) =>
        activities.StartVirtualMachine(targetResourceId, Cancel(context));

    [Function(nameof(VerticalActivities.ResizeVirtualMachine))]
    public Task<ApplyOutcome> ResizeVirtualMachine([ActivityTrigger] SkuChange change, FunctionContext context) =>
        activities.ResizeVirtualMachine(change, Cancel(context));

    [Function(nameof(VerticalActivities.VerifyVirtualMachine))]
    public Task<VerificationResult> VerifyVirtualMachine([ActivityTrigger] SkuChange expected, FunctionContext context) =>
        activities.VerifyVirtualMachine(expected, Cancel(context));

    [Function(nameof(VerticalActivities.DeleteExpiredSnapshots))]
    public Task<IReadOnlyList<string>> DeleteExpiredSnapshots([ActivityTrigger] SnapshotCleanup cleanup, FunctionContext context) =>
        activities.DeleteExpiredSnapshots(cleanup, Cancel(context));

    [Function(nameof(VerticalActivities.ReadRedisCache))]
    public Task<RedisCacheState> ReadRedisCache([ActivityTrigger] string targetResourceId, FunctionContext context) =>
        activities.ReadRedisCache(targetResourceId, Cancel(context));

    [Function(nameof(VerticalActivities.ExportRedisCache))]
    public Task<string?> ExportRedisCache([ActivityTrigger] RedisExportRequest request, FunctionContext context) =>
        activities.ExportRedisCache(request, Cancel(context));

    [Function(nameof(VerticalActivities.ReadArmOperation))]
    public Task<ArmOperationStatus> ReadArmOperation([ActivityTrigger] string statusUrl, FunctionContext context) =>
        activities.ReadArmOperation(statusUrl, Cancel(context));

    [Function(nameof(VerticalActivities.ScaleRedisCache))]
    public Task<ApplyOutcome> ScaleRedisCache([ActivityTrigger] RedisScaleChange change, FunctionContext context) =>
        activities.ScaleRedisCache(change, Cancel(context));

    [Function(nameof(VerticalActivities.VerifyRedisCache))]
    public Task<VerificationResult> VerifyRedisCache([ActivityTrigger] RedisScaleChange expected, FunctionContext context) =>
        activities.VerifyRedisCache(expected, Cancel(context));

    [Function(nameof(VerticalActivities.ReadRedisEnterprise))]
    public Task<RedisEnterpriseState> ReadRedisEnterprise([ActivityTrigger] string targetResourceId, FunctionContext context) =>
        activities.ReadRedisEnterprise(targetResourceId, Cancel(context));

    [Function(nameof(VerticalActivities.ListRedisEnterpriseSkus))]
    public Task<IReadOnlyList<RedisEnterpriseSkuOption>> ListRedisEnterpriseSkus([ActivityTrigger] string targetResourceId, FunctionContext context) =>
        activities.ListRedisEnterpriseSkus(targetResourceId, Cancel(context));

    [Function(nameof(VerticalActivities.ScaleRedisEnterprise))]
    public Task<ApplyOutcome> ScaleRedisEnterprise([ActivityTrigger] RedisEnterpriseSkuChange change, FunctionContext context) =>
        activities.ScaleRedisEnterprise(change, Cancel(context));

    [Function(nameof(VerticalActivities.VerifyRedisEnterprise))]
    public Task<VerificationResult> VerifyRedisEnterprise([ActivityTrigger] RedisEnterpriseSkuChange expected, FunctionContext context) =>
        activities.VerifyRedisEnterprise(expected, Cancel(context));

    private static CancellationToken Cancel(FunctionContext context) => context?.CancellationToken ?? CancellationToken.None;
}
