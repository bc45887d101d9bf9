using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Procedures;
using Scalewise.Core.Reports;
using Scalewise.Core.Targets;
using Scalewise.Orchestrations.Activities;
using Scalewise.Orchestrations.Hosting;
using Scalewise.Orchestrations.Procedures;

namespace Scalewise.Orchestrations;

/// <summary>
/// The one registry of Scalewise's orchestrators and activities. The Functions app exposes each as a function of
/// the same name; the local runner and the tests register them on the in-process Durable host through
/// <see cref="AddScalewiseTasks"/>.
/// </summary>
public static class ScalewiseTasks
{
    public static IReadOnlyList<string> Orchestrators { get; } = [nameof(ScaleProcedure), nameof(EmergencyScaleUp), .. VerticalProcedureTasks.Orchestrators];

    public static IReadOnlyList<string> Activities { get; } =
    [
        nameof(ProcedureActivities.GuardProcedure),
        nameof(ProcedureActivities.OpenApproval),
        nameof(ProcedureActivities.ReadApproval),
        nameof(ProcedureActivities.SnapshotTarget),
        nameof(ProcedureActivities.ApplyCapacity),
        nameof(ProcedureActivities.ReadProvisioning),
        nameof(ProcedureActivities.VerifyTarget),
        nameof(ProcedureActivities.SendNotification),
        nameof(ProcedureActivities.RecordProcedure),
        nameof(ProcedureActivities.RecordScaleTime),
        nameof(EmergencyActivities.ObserveEmergency),
        nameof(EmergencyActivities.WriteCapacityReport),
        nameof(EmergencyActivities.NotifyCapacityReport),
        .. VerticalProcedureTasks.Activities,
    ];

    public static DurableTaskRegistry AddScalewiseTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestratorFunc<ScaleProcedureInput, ScaleProcedureResult>(nameof(ScaleProcedure), (context, input) => ScaleProcedure.RunAsync(context, input));
        registry.AddOrchestratorFunc<EmergencyScaleUpInput, EmergencyScaleUpResult>(nameof(EmergencyScaleUp), (context, input) => EmergencyScaleUp.RunAsync(context, input));

        Add<GuardInput, GuardOutcome>(registry, nameof(ProcedureActivities.GuardProcedure), (a, i, ct) => a.GuardProcedure(i, ct));
        Add<ApprovalRequest, bool>(registry, nameof(ProcedureActivities.OpenApproval), (a, i, ct) => a.OpenApproval(i, ct));
        Add<string, ApprovalAnswer?>(registry, nameof(ProcedureActivities.ReadApproval), (a, i, ct) => a.ReadApproval(i, ct));
        Add<string, TargetSnapshot>(registry, nameof(ProcedureActivities.SnapshotTarget), (a, i, ct) => a.SnapshotTarget(i, ct));
        Add<CapacityChange, ApplyOutcome>(registry, nameof(ProcedureActivities.ApplyCapacity), (a, i, ct) => a.ApplyCapacity(i, ct));
        Add<string, TargetSnapshot>(registry, nameof(ProcedureActivities.ReadProvisioning), (a, i, ct) => a.ReadProvisioning(i, ct));
        Add<CapacityChange, VerificationResult>(registry, nameof(ProcedureActivities.VerifyTarget), (a, i, ct) => a.VerifyTarget(i, ct));
        Add<ProcedureRecord, NotificationOutcome>(registry, nameof(ProcedureActivities.SendNotification), (a, i, ct) => a.SendNotification(i, ct));
        Add<ProcedureRecord, bool>(registry, nameof(ProcedureActivities.RecordProcedure), (a, i, ct) => a.RecordProcedure(i, ct));
        Add<ScaleTimeInput, Scalewise.Core.Decisions.TargetState>(registry, nameof(ProcedureActivities.RecordScaleTime), (a, i, ct) => a.RecordScaleTime(i, ct));
        AddEmergency<string, AftermathReading>(registry, nameof(EmergencyActivities.ObserveEmergency), (a, i, ct) => a.ObserveEmergency(i, ct));
        AddEmergency<CapacityReportRequest, CapacityReport>(registry, nameof(EmergencyActivities.WriteCapacityReport), (a, i, ct) => a.WriteCapacityReport(i, ct));
        AddEmergency<CapacityReportNotice, NotificationOutcome>(registry, nameof(EmergencyActivities.NotifyCapacityReport), (a, i, ct) => a.NotifyCapacityReport(i, ct));
        registry.AddVerticalProcedureTasks();
        return registry;
    }

    private static void Add<TInput, TOutput>(DurableTaskRegistry registry, string name, Func<ProcedureActivities, TInput, CancellationToken, Task<TOutput>> run) =>
        registry.AddActivity(name, services => new ServiceActivity<ProcedureActivities, TInput, TOutput>(services.GetRequiredService<ProcedureActivities>(), run));

    private static void AddEmergency<TInput, TOutput>(DurableTaskRegistry registry, string name, Func<EmergencyActivities, TInput, CancellationToken, Task<TOutput>> run) =>
        registry.AddActivity(name, services => new ServiceActivity<EmergencyActivities, TInput, TOutput>(services.GetRequiredService<EmergencyActivities>(), run));
}
