using Microsoft.DurableTask;
using Scalewise.Core.Reports;
using Scalewise.Orchestrations.Activities;
using Scalewise.Orchestrations.Procedures;

namespace Scalewise.Functions.Triggers;

/// <summary>The emergency scale-up's orchestrator and its aftermath activities: thin wrappers over the entries of <see cref="Scalewise.Orchestrations.ScalewiseTasks"/>.</summary>
public sealed class EmergencyFunctions(EmergencyActivities activities)
{
    [Function(nameof(EmergencyScaleUp))]
    public static Task<EmergencyScaleUpResult> RunEmergencyScaleUp([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<EmergencyScaleUpInput>() ?? throw new InvalidOperationException("EmergencyScaleUp needs its input.");
        return EmergencyScaleUp.RunAsync(context, input);
    }

    [Function(nameof(EmergencyActivities.ObserveEmergency))]
    public Task<AftermathReading> ObserveEmergency([ActivityTrigger] string policyId, FunctionContext context) =>
        activities.ObserveEmergency(policyId, Cancel(context));

    [Function(nameof(EmergencyActivities.WriteCapacityReport))]
    public Task<CapacityReport> WriteCapacityReport([ActivityTrigger] CapacityReportRequest request, FunctionContext context) =>
        activities.WriteCapacityReport(request, Cancel(context));

    [Function(nameof(EmergencyActivities.NotifyCapacityReport))]
    public Task<NotificationOutcome> NotifyCapacityReport([ActivityTrigger] CapacityReportNotice notice, FunctionContext context) =>
        activities.NotifyCapacityReport(notice, Cancel(context));

    private static CancellationToken Cancel(FunctionContext context) => context?.CancellationToken ?? CancellationToken.None;
}
