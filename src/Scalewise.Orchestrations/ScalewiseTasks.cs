using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Reports;
using Scalewise.Orchestrations.Hosting;
using P = Scalewise.Orchestrations.Activities.ProcedureActivities;
using V = Scalewise.Orchestrations.Activities.VerticalActivities;
using E = Scalewise.Orchestrations.Activities.EmergencyActivities;

namespace Scalewise.Orchestrations;

/// <summary>
/// The one table of Scalewise's orchestrators and activities: name, input, output, and what runs. It drives registration on
/// every in-process Durable host (the local runner, the tests, the benchmarks) through <see cref="AddScalewiseTasks"/>; the
/// Functions app declares one thin <c>[Function]</c> per entry under the same name, and a test holds the two together.
/// Adding an activity: its method on an activities class, one line here, one wrapper in <c>Scalewise.Functions/Triggers</c>.
/// </summary>
public static class ScalewiseTasks
{
    public static IReadOnlyList<DurableTaskEntry> All { get; } =
    [
        Orchestrator<ScaleProcedureInput, ScaleProcedureResult>(nameof(ScaleProcedure), ScaleProcedure.RunAsync),
        Orchestrator<EmergencyScaleUpInput, EmergencyScaleUpResult>(nameof(EmergencyScaleUp), EmergencyScaleUp.RunAsync),
        Orchestrator<VerticalProcedureInput, VerticalProcedureResult>(nameof(VmResizeProcedure), VmResizeProcedure.RunAsync),
        Orchestrator<VerticalProcedureInput, VerticalProcedureResult>(nameof(RedisScaleProcedure), RedisScaleProcedure.RunAsync),
        Orchestrator<VerticalProcedureInput, VerticalProcedureResult>(nameof(RedisEnterpriseScaleProcedure), RedisEnterpriseScaleProcedure.RunAsync),

        Activity<P, GuardInput, GuardOutcome>(nameof(P.GuardProcedure), (a, i, ct) => a.GuardProcedure(i, ct)),
        Activity<P, ApprovalRequest, bool>(nameof(P.OpenApproval), (a, i, ct) => a.OpenApproval(i, ct)),
        Activity<P, string, ApprovalAnswer?>(nameof(P.ReadApproval), (a, i, ct) => a.ReadApproval(i, ct)),
        Activity<P, string, TargetSnapshot>(nameof(P.SnapshotTarget), (a, i, ct) => a.SnapshotTarget(i, ct)),
        Activity<P, CapacityChange, ApplyOutcome>(nameof(P.ApplyCapacity), (a, i, ct) => a.ApplyCapacity(i, ct)),
        Activity<P, string, TargetSnapshot>(nameof(P.ReadProvisioning), (a, i, ct) => a.ReadProvisioning(i, ct)),
        Activity<P, CapacityChange, VerificationResult>(nameof(P.VerifyTarget), (a, i, ct) => a.VerifyTarget(i, ct)),
        Activity<P, ProcedureRecord, NotificationOutcome>(nameof(P.SendNotification), (a, i, ct) => a.SendNotification(i, ct)),
        Activity<P, ProcedureRecord, bool>(nameof(P.RecordProcedure), (a, i, ct) => a.RecordProcedure(i, ct)),
        Activity<P, ScaleTimeInput, TargetState>(nameof(P.RecordScaleTime), (a, i, ct) => a.RecordScaleTime(i, ct)),

        Activity<E, string, AftermathReading>(nameof(E.ObserveEmergency), (a, i, ct) => a.ObserveEmergency(i, ct)),
        Activity<E, CapacityReportRequest, CapacityReport>(nameof(E.WriteCapacityReport), (a, i, ct) => a.WriteCapacityReport(i, ct)),
        Activity<E, CapacityReportNotice, NotificationOutcome>(nameof(E.NotifyCapacityReport), (a, i, ct) => a.NotifyCapacityReport(i, ct)),

        Activity<V, VerticalGuardInput, VerticalGuardOutcome>(nameof(V.GuardVerticalChange), (a, i, ct) => a.GuardVerticalChange(i, ct)),
        Activity<V, string, VirtualMachineState>(nameof(V.ReadVirtualMachine), (a, i, ct) => a.ReadVirtualMachine(i, ct)),
        Activity<V, string, IReadOnlyList<string>>(nameof(V.ListVirtualMachineSizes), (a, i, ct) => a.ListVirtualMachineSizes(i, ct)),
        Activity<V, DiskSnapshotRequest, IReadOnlyList<DiskSnapshotInfo>>(nameof(V.SnapshotDisks), (a, i, ct) => a.SnapshotDisks(i, ct)),
        Activity<V, IReadOnlyList<string>, IReadOnlyList<DiskSnapshotInfo>>(nameof(V.ReadDiskSnapshots), (a, i, ct) => a.ReadDiskSnapshots(i, ct)),
        Activity<V, string, ApplyOutcome>(nameof(V.DeallocateVirtualMachine), (a, i, ct) => a.DeallocateVirtualMachine(i, ct)),
        Activity<V, string, ApplyOutcome>(nameof(V.StartVirtualMachine), (a, i, ct) => a.StartVirtualMachine(i, ct)),
        Activity<V, SkuChange, ApplyOutcome>(nameof(V.ResizeVirtualMachine), (a, i, ct) => a.ResizeVirtualMachine(i, ct)),
        Activity<V, SkuChange, VerificationResult>(nameof(V.VerifyVirtualMachine), (a, i, ct) => a.VerifyVirtualMachine(i, ct)),
        Activity<V, SnapshotCleanup, IReadOnlyList<string>>(nameof(V.DeleteExpiredSnapshots), (a, i, ct) => a.DeleteExpiredSnapshots(i, ct)),
        Activity<V, string, RedisCacheState>(nameof(V.ReadRedisCache), (a, i, ct) => a.ReadRedisCache(i, ct)),
        Activity<V, RedisExportRequest, string?>(nameof(V.ExportRedisCache), (a, i, ct) => a.ExportRedisCache(i, ct)),
        Activity<V, string, ArmOperationStatus>(nameof(V.ReadArmOperation), (a, i, ct) => a.ReadArmOperation(i, ct)),
        Activity<V, RedisScaleChange, ApplyOutcome>(nameof(V.ScaleRedisCache), (a, i, ct) => a.ScaleRedisCache(i, ct)),
        Activity<V, RedisScaleChange, VerificationResult>(nameof(V.VerifyRedisCache), (a, i, ct) => a.VerifyRedisCache(i, ct)),
        Activity<V, string, RedisEnterpriseState>(nameof(V.ReadRedisEnterprise), (a, i, ct) => a.ReadRedisEnterprise(i, ct)),
        Activity<V, string, IReadOnlyList<RedisEnterpriseSkuOption>>(nameof(V.ListRedisEnterpriseSkus), (a, i, ct) => a.ListRedisEnterpriseSkus(i, ct)),
        Activity<V, RedisEnterpriseSkuChange, ApplyOutcome>(nameof(V.ScaleRedisEnterprise), (a, i, ct) => a.ScaleRedisEnterprise(i, ct)),
        Activity<V, RedisEnterpriseSkuChange, VerificationResult>(nameof(V.VerifyRedisEnterprise), (a, i, ct) => a.VerifyRedisEnterprise(i, ct)),
    ];

    public static IReadOnlyList<string> Orchestrators { get; } = [.. All.Where(t => t.Kind == DurableTaskKind.Orchestrator).Select(t => t.Name)];

    public static IReadOnlyList<string> Activities { get; } = [.. All.Where(t => t.Kind == DurableTaskKind.Activity).Select(t => t.Name)];

    public static DurableTaskRegistry AddScalewiseTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var task in All)
        {
            task.Register(registry);
        }

        return registry;
    }

    private static DurableTaskEntry Orchestrator<TInput, TOutput>(string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> run) =>
        new(name, DurableTaskKind.Orchestrator, typeof(TInput), typeof(TOutput))
        {
            Register = registry => registry.AddOrchestratorFunc<TInput, TOutput>(name, (context, input) => run(context, input ?? throw new InvalidOperationException($"{name} needs its input."))),
        };

    private static DurableTaskEntry Activity<TService, TInput, TOutput>(string name, Func<TService, TInput, CancellationToken, Task<TOutput>> run)
        where TService : notnull =>
        new(name, DurableTaskKind.Activity, typeof(TInput), typeof(TOutput))
        {
            Register = registry => registry.AddActivity(name, services => new ServiceActivity<TService, TInput, TOutput>(services.GetRequiredService<TService>(), run)),
        };
}
