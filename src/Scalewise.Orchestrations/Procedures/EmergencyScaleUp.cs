using Microsoft.DurableTask;
using Scalewise.Core.Procedures;
using Scalewise.Core.Reports;
using Scalewise.Orchestrations.Activities;
using static Scalewise.Orchestrations.Procedures.ProcedureStepNames;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Answers an emergency on a scale set: guard → snapshot → apply the decision's capacity (sized to the projected demand) →
/// wait for provisioning on a short poll → verify with several quick checks → notify → record, rolling back when
/// provisioning or verification fails; never waits for approval, and verification replaces the full warm-up wait. It ends in
/// the same terminal states and history records as <see cref="ScaleProcedure"/>. Then it watches the aftermath until the
/// emergency is over (<see cref="EmergencyAftermath"/>) or the observation period ends, and writes and notifies the
/// post-event <see cref="CapacityReport"/>. The procedure's outcome is recorded before the aftermath, so nothing there can
/// change it.
/// </summary>
public static class EmergencyScaleUp
{
    public static async Task<EmergencyScaleUpResult> RunAsync(TaskOrchestrationContext context, EmergencyScaleUpInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var procedure = input.Procedure;
        var journal = new ProcedureJournal(context, procedure);

        var guard = await CapacityChangeSteps.GuardAsync(context, journal, procedure);
        journal.FromCapacity = guard.CurrentCapacity;
        if (!guard.Allowed)
        {
            var refused = await CapacityChangeSteps.FinishAsync(context, journal, ProcedureOutcome.Cancelled, guard.CurrentCapacity, $"Not started: {guard.Reason}.");
            return new EmergencyScaleUpResult(refused, null);
        }

        var result = await CapacityChangeSteps.ChangeAsync(context, journal, procedure, () => VerifyQuicklyAsync(context, journal, input));
        var report = await ReportAsync(context, journal, input, result);
        return new EmergencyScaleUpResult(result, report);
    }

    /// <summary>Checks right away and then every <see cref="EmergencyScaleUpInput.VerifyInterval"/>, at most <see cref="EmergencyScaleUpInput.VerifyChecks"/> times; passes at the first check that passes.</summary>
    private static Task<VerificationResult> VerifyQuicklyAsync(TaskOrchestrationContext context, ProcedureJournal journal, EmergencyScaleUpInput input)
    {
        var change = new CapacityChange(input.Procedure.TargetResourceId, input.Procedure.ToCapacity);
        var checks = Math.Max(1, input.VerifyChecks);
        var made = 0;
        return journal.RunStepAsync(
            Verify,
            async () =>
            {
                var verification = await context.CallActivityAsync<VerificationResult>(nameof(ProcedureActivities.VerifyTarget), change, ScaleProcedure.ArmRetry);
                for (made = 1; made < checks && !verification.Passed; made++)
                {
                    context.SetCustomStatus(new ProcedureStatus(Verify, $"check {made} of {checks}: {verification.Detail}", journal.FromCapacity, change.Capacity));
                    await context.CreateTimer(input.VerifyInterval, CancellationToken.None);
                    verification = await context.CallActivityAsync<VerificationResult>(nameof(ProcedureActivities.VerifyTarget), change, ScaleProcedure.ArmRetry);
                }

                return verification;
            },
            v => $"{CapacityChangeSteps.DescribeVerification(v)} (check {made} of {checks})");
    }

    /// <summary>
    /// Watches the aftermath, then writes and notifies the capacity report; both are added to the procedure's history, which
    /// keeps its outcome. A failure here is recorded and leaves the report null; it never fails the procedure.
    /// </summary>
    private static async Task<CapacityReport?> ReportAsync(TaskOrchestrationContext context, ProcedureJournal journal, EmergencyScaleUpInput input, ScaleProcedureResult result)
    {
        var procedure = input.Procedure;
        var observeStarted = journal.Now();
        try
        {
            var reading = await ObserveAsync(context, journal, input, result);
            journal.AddStep(Observe, observeStarted, reading.Over
                ? $"over: {reading.Detail}"
                : $"still not over after {input.ObservationPeriod.TotalMinutes:0.#} min, reporting now: {reading.Detail}");
        }
        catch (TaskFailedException ex)
        {
            journal.AddStep(Observe, observeStarted, $"failed, reporting now: {ex.FailureDetails.ErrorMessage}");
        }

        var reportStarted = journal.Now();
        CapacityReport? report = null;
        try
        {
            context.SetCustomStatus(new ProcedureStatus(Report, "writing the capacity report", journal.FromCapacity, result.FinalCapacity));
            var readyAt = result.Outcome == ProcedureOutcome.Succeeded ? result.Steps.LastOrDefault(s => s.Name == Verify)?.EndedAt : null;
            var request = new CapacityReportRequest(
                procedure.PolicyId,
                procedure.TargetResourceId,
                context.InstanceId,
                input.DecidedAt,
                procedure.Reason,
                result.Outcome,
                result.FromCapacity,
                result.ToCapacity,
                readyAt is { } ready ? journal.Now() - ready : null);
            report = await context.CallActivityAsync<CapacityReport>(nameof(EmergencyActivities.WriteCapacityReport), request, ScaleProcedure.StorageRetry);
            var notified = await context.CallActivityAsync<NotificationOutcome>(
                nameof(EmergencyActivities.NotifyCapacityReport),
                new CapacityReportNotice(journal.ToRecord(journal.Outcome, journal.Error), report));
            journal.AddStep(Report, reportStarted, $"{report.Summary} Notification: {notified.Detail}.");
        }
        catch (TaskFailedException ex)
        {
            journal.AddStep(Report, reportStarted, $"failed: {ex.FailureDetails.ErrorMessage}");
        }

        await journal.SaveAsync(journal.Outcome, journal.Error);
        context.SetCustomStatus(new ProcedureStatus(result.Outcome.ToString(), report?.Summary ?? result.Summary, journal.FromCapacity, result.FinalCapacity));
        return report;
    }

    /// <summary>Looks at the aftermath every <see cref="EmergencyScaleUpInput.ObservationInterval"/> until it is over; bounded by the observation period.</summary>
    private static async Task<AftermathReading> ObserveAsync(TaskOrchestrationContext context, ProcedureJournal journal, EmergencyScaleUpInput input, ScaleProcedureResult result)
    {
        var policyId = input.Procedure.PolicyId;
        var polls = input.ObservationInterval > TimeSpan.Zero ? (int)Math.Ceiling(input.ObservationPeriod / input.ObservationInterval) : 0;
        var reading = await context.CallActivityAsync<AftermathReading>(nameof(EmergencyActivities.ObserveEmergency), policyId, ScaleProcedure.ArmRetry);
        for (var poll = 0; poll < polls && !reading.Over; poll++)
        {
            context.SetCustomStatus(new ProcedureStatus(Observe, reading.Detail, journal.FromCapacity, result.FinalCapacity));
            await context.CreateTimer(input.ObservationInterval, CancellationToken.None);
            reading = await context.CallActivityAsync<AftermathReading>(nameof(EmergencyActivities.ObserveEmergency), policyId, ScaleProcedure.ArmRetry);
        }

        return reading;
    }
}
