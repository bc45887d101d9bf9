using Microsoft.DurableTask;
using Scalewise.Core.Decisions;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using Scalewise.Orchestrations.Activities;
using Scalewise.Orchestrations.Procedures;

namespace Scalewise.Functions.Triggers;

/// <summary>
/// The orchestrator and activity functions: thin wrappers over the entries of <see cref="Scalewise.Orchestrations.ScalewiseTasks"/>
/// so that the Functions host and the local runner run the same code under the same names.
/// </summary>
public sealed class ProcedureFunctions(ProcedureActivities activities)
{
    [Function(nameof(ScaleProcedure))]
    public static Task<ScaleProcedureResult> RunScaleProcedure([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<ScaleProcedureInput>() ?? throw new InvalidOperationException("ScaleProcedure needs its input.");
        return ScaleProcedure.RunAsync(context, input);
    }

    [Function(nameof(ProcedureActivities.GuardProcedure))]
    public Task<GuardOutcome> GuardProcedure([ActivityTrigger] GuardInput input, FunctionContext context) =>
        activities.GuardProcedure(input, Cancel(context));

    [Function(nameof(ProcedureActivities.OpenApproval))]
    public Task<bool> OpenApproval([ActivityTrigger] ApprovalRequest request, FunctionContext context) =>
        activities.OpenApproval(request, Cancel(context));

    [Function(nameof(ProcedureActivities.ReadApproval))]
    public Task<ApprovalAnswer?> ReadApproval([ActivityTrigger] string instanceId, FunctionContext context) =>
        activities.ReadApproval(instanceId, Cancel(context));

    [Function(nameof(ProcedureActivities.SnapshotTarget))]
    public Task<TargetSnapshot> SnapshotTarget([ActivityTrigger] string targetResourceId, FunctionContext context) =>
        activities.SnapshotTarget(targetResourceId, Cancel(context));

    [Function(nameof(ProcedureActivities.ApplyCapacity))]
    public Task<ApplyOutcome> ApplyCapacity([ActivityTrigger] CapacityChange change, FunctionContext context) =>
        activities.ApplyCapacity(change, Cancel(context));

    [Function(nameof(ProcedureActivities.ReadProvisioning))]
    public Task<TargetSnapshot> ReadProvisioning([ActivityTrigger] string targetResourceId, FunctionContext context) =>
        activities.ReadProvisioning(targetResourceId, Cancel(context));

    [Function(nameof(ProcedureActivities.VerifyTarget))]
    public Task<VerificationResult> VerifyTarget([ActivityTrigger] CapacityChange expected, FunctionContext context) =>
        activities.VerifyTarget(expected, Cancel(context));

    [Function(nameof(ProcedureActivities.SendNotification))]
    public Task<NotificationOutcome> SendNotification([ActivityTrigger] ProcedureRecord procedure, FunctionContext context) =>
        activities.SendNotification(procedure, Cancel(context));

    [Function(nameof(ProcedureActivities.RecordProcedure))]
    public Task<bool> RecordProcedure([ActivityTrigger] ProcedureRecord procedure, FunctionContext context) =>
        activities.RecordProcedure(procedure, Cancel(context));

    [Function(nameof(ProcedureActivities.RecordScaleTime))]
    public Task<TargetState> RecordScaleTime([ActivityTrigger] ScaleTimeInput input, FunctionContext context) =>
        activities.RecordScaleTime(input, Cancel(context));

    private static CancellationToken Cancel(FunctionContext context) => context?.CancellationToken ?? CancellationToken.None;
}
